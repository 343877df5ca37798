import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http";
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils";
import { PRODUCTION_MODULE } from "../../../../../modules/production";
import type ProductionModuleService from "../../../../../modules/production/service";

/**
 * GET /store/production/orders/:id: the batch and ship-by date the order was given when it
 * was placed. Reveals nothing but the batch; knowing an order id is what the confirmation
 * page already relies on (issue #5 replaces it with a signed link).
 */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY);
  const { data } = await query.graph({
    entity: "order_cart",
    fields: ["cart_id", "order_id"],
    filters: { order_id: req.params.id },
  });
  const cartId = (data[0] as { cart_id?: string } | undefined)?.cart_id;
  const production: ProductionModuleService = req.scope.resolve(PRODUCTION_MODULE);
  const [allocation] = cartId
    ? await production.listBatchAllocations({ cart_id: cartId }, { relations: ["batch"] })
    : [];
  if (!allocation) throw new MedusaError(MedusaError.Types.NOT_FOUND, "No batch for this order");
  res.json({
    batch: {
      number: allocation.batch.number,
      ships_by: new Date(allocation.batch.ships_by).toISOString().slice(0, 10),
      state: allocation.batch.state,
    },
    units: allocation.units,
  });
}
