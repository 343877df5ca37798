import { model } from "@medusajs/framework/utils";

/**
 * One attribution token as it was issued (its id is the token's jti): for whom, from which
 * origin, to which client (a keyed hash of its address and its user-agent), and the one cart
 * it credited. A token credits one cart: `cart_id` is set once, in the transaction that credits
 * the cart. What the retailer report reads to let the maker judge a retailer's claims.
 */
export const RetailerToken = model.define("retailer_token", {
  id: model.id({ prefix: "rtok" }).primaryKey(),
  retailer_id: model.text().index(),
  origin: model.text(),
  mode: model.enum(["element", "frame"]),
  /** Keyed hash of the asking client's address (lib/attribution.ts clientHash). */
  client_hash: model.text(),
  /** The asking client's User-Agent, cut to 300 characters ("" when none was sent). */
  user_agent: model.text(),
  cart_id: model.text().index().nullable(),
  redeemed_at: model.dateTime().nullable(),
  /** Keyed hash of the address the hand-off page credited the cart from. */
  redeem_client_hash: model.text().nullable(),
});
