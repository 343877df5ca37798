import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http";
import { ContainerRegistrationKeys } from "@medusajs/framework/utils";
import { z } from "@medusajs/framework/zod";
import { signOrderLink } from "../../../../lib/order-links";
import { countAttempt, refuseIfSpent, requestAddress } from "../../../../lib/rate-limit";
import { linkSecret, notFound } from "../status";

export const StoreOrderLinkBody = z.object({
  order_id: z.string().regex(/^order_[0-9A-Z]{26}$/),
  cart_id: z.string().regex(/^cart_[0-9A-Z]{26}$/),
});

/**
 * POST /store/order-status/token {order_id, cart_id}: the signed status link for the order the
 * browser just placed. The cart id, which only that browser holds, proves it. A pair that does
 * not match counts against the caller's address and against the order asked about; once
 * either is spent every attempt is refused, the matching pair too (lib/rate-limit,
 * orderToken*).
 */
export async function POST(req: MedusaRequest, res: MedusaResponse) {
  const address = requestAddress(req);
  const parsed = StoreOrderLinkBody.safeParse(req.body);
  if (!parsed.success) {
    await countAttempt(res, [["orderTokenPerAddress", address]]);
    return notFound();
  }
  const checks = [
    ["orderTokenPerAddress", address],
    ["orderTokenPerOrder", parsed.data.order_id],
  ] as const;
  await refuseIfSpent(res, checks);
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY);
  const { data } = await query.graph({
    entity: "order_cart",
    fields: ["cart_id", "order_id"],
    filters: { order_id: parsed.data.order_id, cart_id: parsed.data.cart_id },
  });
  if (data.length !== 1) {
    await countAttempt(res, checks);
    return notFound();
  }
  res.json({ token: signOrderLink(parsed.data.order_id, linkSecret(req.scope)) });
}
