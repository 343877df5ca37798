import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk";
import { PRODUCTION_MODULE } from "../../modules/production";
import type ProductionModuleService from "../../modules/production/service";

/** Each intake's production allocation names its order (compensation: it no longer does). */
export const assignIntakeBatchesStep = createStep(
  "assign-intake-batches",
  async (pairs: { key: string; order_id: string }[], { container }) => {
    const production: ProductionModuleService = container.resolve(PRODUCTION_MODULE);
    // Compensation unassigns only what this step assigned (a resumed order may have had it).
    const assigned = await production.assignOrders(pairs);
    return new StepResponse(undefined, assigned);
  },
  async (orderIds, { container }) => {
    if (!orderIds?.length) return;
    const production: ProductionModuleService = container.resolve(PRODUCTION_MODULE);
    await production.unassignOrders(orderIds);
  },
);
