import { StepResponse } from "@medusajs/framework/workflows-sdk";
import { completeCartWorkflow } from "@medusajs/medusa/core-flows";
import { PRODUCTION_MODULE } from "../../modules/production";
import type ProductionModuleService from "../../modules/production/service";

/**
 * Before Medusa creates the order, take its units from the earliest open production batch with
 * room. If no batch can take them (and the plan may not open another) the cart is not
 * completed: Camslide never takes an order it cannot date. If the order is not placed after
 * all (stock, payment), the compensation gives the units back.
 */
completeCartWorkflow.hooks.validate(
  async ({ cart }, { container }) => {
    const production: ProductionModuleService = container.resolve(PRODUCTION_MODULE);
    const items = (cart.items ?? []) as { quantity: number }[];
    const units = items.reduce((sum, item) => sum + Number(item.quantity), 0);
    const allocation = await production.allocate(cart.id, units);
    // Only an allocation made now is ours to give back; a retried completion found its own.
    return new StepResponse(allocation, allocation.created ? allocation.allocation_id : undefined);
  },
  async (allocationId, { container }) => {
    if (!allocationId) return;
    const production: ProductionModuleService = container.resolve(PRODUCTION_MODULE);
    await production.release(allocationId);
  },
);
