import { MedusaError } from "@medusajs/framework/utils";
import { StepResponse } from "@medusajs/framework/workflows-sdk";
import { completeCartWorkflow } from "@medusajs/medusa/core-flows";
import { CHECKOUT_INTAKE_MODULE } from "../../modules/checkout-intake";
import type CheckoutIntakeModuleService from "../../modules/checkout-intake/service";
import { PRODUCTION_MODULE } from "../../modules/production";
import type ProductionModuleService from "../../modules/production/service";

/**
 * Before Medusa creates the order, take its units from the earliest open production batch with
 * room. If no batch can take them (and the plan may not open another) the cart is not
 * completed: Camslide never takes an order it cannot date. If the order is not placed after
 * all (stock, payment), the compensation gives the units back.
 *
 * A cart placed through the launch queue is not completed here: Medusa's completion checks
 * only for an order linked to the cart, not for `completed_at`, so it would make a second order
 * while the queue's is on its way. Once the queue's order is linked, Medusa answers with it
 * (this hook lets it through without taking a batch place: the intake has its own).
 */
completeCartWorkflow.hooks.validate(
  async ({ cart }, { container }) => {
    const intakes: CheckoutIntakeModuleService = container.resolve(CHECKOUT_INTAKE_MODULE);
    const queued = await intakes.findBySourceCart(cart.id);
    if (queued?.status === "done") return new StepResponse(undefined, undefined);
    if (queued) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        "This cart was placed through the launch queue: its order is being made there.",
      );
    }
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
