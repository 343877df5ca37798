import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http";
import { ContainerRegistrationKeys } from "@medusajs/framework/utils";
import { z } from "@medusajs/framework/zod";
import { signOrderLink } from "../../../../lib/order-links";
import { linkSecret, notFound, statusAttempts } from "../status";

export const StoreOrderLinkBody = z.object({
  order_id: z.string().regex(/^order_[0-9A-Z]{26}$/),
  cart_id: z.string().regex(/^cart_[0-9A-Z]{26}$/),
});

/**
 * POST /store/order-status/token {order_id, cart_id}: the signed status link for the order the
 * browser just placed. The cart id, which only that browser holds, proves it.
 */
export async function POST(req: MedusaRequest, res: MedusaResponse) {
  const parsed = StoreOrderLinkBody.safeParse(req.body);
  if (!parsed.success) return notFound();
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY);
  const { data } = await query.graph({
    entity: "order_cart",
    fields: ["cart_id", "order_id"],
    filters: { order_id: parsed.data.order_id, cart_id: parsed.data.cart_id },
  });
  if (data.length !== 1) {
    statusAttempts.take(req.ip ?? "unknown");
    return notFound();
  }
  res.json({ token: signOrderLink(parsed.data.order_id, linkSecret(req.scope)) });
}
