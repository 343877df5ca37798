import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http";
import { MedusaError } from "@medusajs/framework/utils";
import { cancelOrderWorkflow } from "@medusajs/medusa/core-flows";
import { withOrderHandoffLock } from "../../../../lib/order-handoff-lock";
import { orderIdFromToken, orderStatus } from "../status";

/**
 * POST /store/order-status/cancel {token}: the buyer cancels an order that has not been handed
 * to the 3PL, packed or shipped, through Medusa's own cancellation (which voids or refunds the
 * payment); the order's production batch gets its units back. Cancelling twice changes nothing
 * the second time. Decided and done under the order's hand-off lock, which the 3PL export also
 * takes: an order exported first is refused with a 409, one cancelled first is left out of
 * the export.
 */
export async function POST(req: MedusaRequest, res: MedusaResponse) {
  const token = (req.body as { token?: unknown } | undefined)?.token;
  const orderId = await orderIdFromToken(req, res, token);
  const handedOver = await withOrderHandoffLock(req.scope, [orderId], async () => {
    const before = await orderStatus(req.scope, orderId);
    if (before.state === "canceled") return false;
    if (before.exported && before.state !== "shipped") return true;
    if (!before.can_cancel) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        "This order is already on its way; ask for a return instead.",
      );
    }
    await cancelOrderWorkflow(req.scope).run({ input: { order_id: orderId } });
    return false;
  });
  if (handedOver) {
    // Answered here: Medusa's error handler replaces every CONFLICT message with its own.
    res.status(409).json({
      type: "conflict",
      message:
        "This order is already handed to the warehouse and can no longer be cancelled; ask for a return once it arrives.",
    });
    return;
  }
  res.json(await orderStatus(req.scope, orderId));
}
