import { model } from "@medusajs/framework/utils";

/**
 * One cart brought by a retailer's widget, written only by a route that verified a signed
 * attribution token (see lib/attribution.ts), never from what a browser says. The order made
 * from the cart is found through Medusa's order_cart link, so nothing needs copying at checkout.
 */
export const RetailerAttribution = model.define("retailer_attribution", {
  id: model.id({ prefix: "rattr" }).primaryKey(),
  cart_id: model.text().unique(),
  retailer_id: model.text().index(),
  /** The retailer's page the shopper came from (the widget's page, or the iframe's parent). */
  origin: model.text(),
  mode: model.enum(["element", "frame"]),
  /** The token that credited the cart (null for carts credited before tokens were recorded). */
  token_id: model.text().nullable(),
});
