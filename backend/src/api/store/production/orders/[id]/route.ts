import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http";
import { MedusaError } from "@medusajs/framework/utils";
import { orderBatches } from "../../../../../lib/order-batches";

/**
 * GET /store/production/orders/:id: the batch and ship-by date the order was given when it
 * was placed. Reveals nothing but the batch; knowing an order id is what the confirmation
 * page already relies on (issue #5 replaces it with a signed link).
 */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const orderId = String(req.params.id ?? "");
  const allocation = (await orderBatches(req.scope, [orderId])).get(orderId);
  if (!allocation) throw new MedusaError(MedusaError.Types.NOT_FOUND, "No batch for this order");
  res.json({
    batch: {
      number: allocation.batch.number,
      ships_by: allocation.batch.ships_by,
      state: allocation.batch.state,
    },
    units: allocation.units,
  });
}
