import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http";
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils";
import { z } from "@medusajs/framework/zod";
import { signOrderLink } from "../../../../lib/order-links";
import { linkSecret, notFound, statusAttempts } from "../status";

export const StoreOrderLookupBody = z.object({
  order_number: z.coerce.number().int().positive().max(2_147_483_647),
  email: z.string().trim().toLowerCase().email().max(254),
});

/**
 * POST /store/order-status/lookup {order_number, email}: the status link for a buyer who has
 * lost their email. Both must match; every attempt counts against the caller's IP.
 */
export async function POST(req: MedusaRequest, res: MedusaResponse) {
  if (!statusAttempts.take(req.ip ?? "unknown")) {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "Too many attempts. Try again later.");
  }
  const parsed = StoreOrderLookupBody.safeParse(req.body);
  if (!parsed.success) return notFound();
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
