import { cancelOrderWorkflow } from "@medusajs/medusa/core-flows";
import { orderBatches } from "../../lib/order-batches";
import { PRODUCTION_MODULE } from "../../modules/production";
import type ProductionModuleService from "../../modules/production/service";

/** A cancelled order gives its units back to its production batch, for the next buyer. */
cancelOrderWorkflow.hooks.orderCanceled(async ({ order }, { container }) => {
  const allocation = (await orderBatches(container, [order.id])).get(order.id);
  if (!allocation) return;
  const production: ProductionModuleService = container.resolve(PRODUCTION_MODULE);
  await production.release(allocation.allocation_id);
});
