import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http";
import { MedusaError } from "@medusajs/framework/utils";
import { cancelOrderWorkflow } from "@medusajs/medusa/core-flows";
import { orderIdFromToken, orderStatus } from "../status";

/**
 * POST /store/order-status/cancel {token}: the buyer cancels an order that has not been packed
 * or shipped, through Medusa's own cancellation (which voids or refunds the payment); the
 * order's production batch gets its units back. Cancelling twice changes nothing the second time.
 */
export async function POST(req: MedusaRequest, res: MedusaResponse) {
  const token = (req.body as { token?: unknown } | undefined)?.token;
  const orderId = await orderIdFromToken(req, res, token);
  const before = await orderStatus(req.scope, orderId);
  if (before.state === "canceled") {
    res.json(before);
    return;
  }
  if (!before.can_cancel) {
    throw new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      "This order is already on its way; ask for a return instead.",
    );
  }
  await cancelOrderWorkflow(req.scope).run({ input: { order_id: orderId } });
  res.json(await orderStatus(req.scope, orderId));
}
