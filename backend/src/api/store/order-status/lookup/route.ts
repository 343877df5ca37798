import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http";
import { ContainerRegistrationKeys } from "@medusajs/framework/utils";
import { z } from "@medusajs/framework/zod";
import { signOrderLink } from "../../../../lib/order-links";
import { countAttempt, lookupTargets, requestAddress } from "../../../../lib/rate-limit";
import { linkSecret, notFound } from "../status";

export const StoreOrderLookupBody = z.object({
  order_number: z.coerce.number().int().positive().max(2_147_483_647),
  email: z.string().trim().toLowerCase().email().max(254),
});

/**
 * POST /store/order-status/lookup {order_number, email}: the status link for a buyer who has
 * lost their email. Both must match. Every attempt counts against the caller's address, and
 * then against the shop-wide cap, the email and the order number it names: a guesser spreading
 * over many addresses still has only a target's few tries (lib/rate-limit, lookup*). Counted
 * before the lookup, so that a burst of guesses cannot all be answered before the counts
 * catch up.
 */
export async function POST(req: MedusaRequest, res: MedusaResponse) {
  await countAttempt(res, [["lookupPerAddress", requestAddress(req)]]);
  const parsed = StoreOrderLookupBody.safeParse(req.body);
  if (!parsed.success) return notFound();
  await countAttempt(res, lookupTargets(parsed.data.email, parsed.data.order_number));
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY);
  const { data } = await query.graph({
    entity: "order",
    fields: ["id", "email"],
    filters: { display_id: String(parsed.data.order_number) },
  });
  const order = data[0] as { id: string; email: string | null } | undefined;
  if (!order || order.email?.toLowerCase() !== parsed.data.email) return notFound();
  res.json({ token: signOrderLink(order.id, linkSecret(req.scope)) });
}
