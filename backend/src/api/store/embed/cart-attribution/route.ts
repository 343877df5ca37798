import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http";
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils";
import { z } from "@medusajs/framework/zod";
import { clientHash, verifyAttribution } from "../../../../lib/attribution";
import { requestAddress } from "../../../../lib/rate-limit";
import { attributionSecret, retailerService } from "../../../embed/retailers";

export const StoreCartAttributionBody = z
  .object({
    cart_id: z.string().regex(/^cart_[0-9A-Z]{26}$/),
    token: z.string().max(600),
  })
  .strict();

/**
 * POST /store/embed/cart-attribution {cart_id, token}: the shop's hand-off page credits the
 * shopper's cart to the retailer whose widget sent them. Only a valid token (issued for a
 * registered origin, unaltered, unexpired) does anything; a completed cart is refused, so an
 * order's retailer never changes after it is placed. A token credits one cart: presenting it
 * for another is refused (400) and credits nothing; presenting it again for the same cart
 * answers as the first time and changes nothing.
 */
export async function POST(req: MedusaRequest, res: MedusaResponse) {
  const parsed = StoreCartAttributionBody.safeParse(req.body);
  if (!parsed.success) throw new MedusaError(MedusaError.Types.INVALID_DATA, "bad attribution");
  const secret = attributionSecret(req.scope);
  const attribution = verifyAttribution(parsed.data.token, secret);
  if (!attribution) {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "This attribution is not valid.");
  }
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY);
  const { data: carts } = await query.graph({
    entity: "cart",
    fields: ["id", "completed_at"],
    filters: { id: parsed.data.cart_id },
  });
  const cart = carts[0];
  if (!cart || cart.completed_at) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, "No open cart with this id.");
  }
  const service = retailerService(req.scope);
  const [retailer] = await service.listRetailers({ id: attribution.retailerId });
  // An origin the retailer has since removed earns nothing, even with a token issued before.
  const origins = retailer?.allowed_origins ?? [];
  if (!retailer || !origins.includes(attribution.origin)) {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "This attribution is not valid.");
  }
  const outcome = await service.redeemToken({
    token_id: attribution.tokenId,
    cart_id: cart.id,
    retailer_id: retailer.id,
    origin: attribution.origin,
    mode: attribution.mode,
    client_hash: clientHash(requestAddress(req), secret),
  });
  if (outcome === "another-cart") {
    throw new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      "This attribution has already credited another cart; each purchase from a widget has a token of its own.",
    );
  }
  if (outcome === "unknown") {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "This attribution is not valid.");
  }
  res.json({ credited: true, retailer: { handle: retailer.handle, name: retailer.name } });
}
