import { ContainerRegistrationKeys } from "@medusajs/framework/utils";
import { cancelOrderWorkflow } from "@medusajs/medusa/core-flows";
import { PRODUCTION_MODULE } from "../../modules/production";
import type ProductionModuleService from "../../modules/production/service";

/** A cancelled order gives its units back to its production batch, for the next buyer. */
cancelOrderWorkflow.hooks.orderCanceled(async ({ order }, { container }) => {
  const query = container.resolve(ContainerRegistrationKeys.QUERY);
  const { data } = await query.graph({
    entity: "order_cart",
    fields: ["cart_id"],
    filters: { order_id: order.id },
  });
  const cartId = (data[0] as { cart_id?: string } | undefined)?.cart_id;
  if (!cartId) return;
  const production: ProductionModuleService = container.resolve(PRODUCTION_MODULE);
  const [allocation] = await production.listBatchAllocations({ cart_id: cartId });
  if (allocation) await production.release(allocation.id);
});
