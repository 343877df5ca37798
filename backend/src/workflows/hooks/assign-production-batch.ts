import { orderLimitMessage, orderLimitProblem } from "@camslide/product";
import { MedusaError } from "@medusajs/framework/utils";
import { StepResponse } from "@medusajs/framework/workflows-sdk";
import { completeCartWorkflow } from "@medusajs/medusa/core-flows";
import { CHECKOUT_INTAKE_MODULE } from "../../modules/checkout-intake";
import type CheckoutIntakeModuleService from "../../modules/checkout-intake/service";
import { PRODUCTION_MODULE } from "../../modules/production";
import type ProductionModuleService from "../../modules/production/service";

/**
 * Before Medusa creates the order, refuse a cart past one checkout's limits (orderLimits), then
 * take its units from the earliest open production batch with room. If no batch can take
 * them (and the plan may not open another) the cart is not
 * completed: Camslide never takes an order it cannot date. If the order is not placed after
 * all (stock, payment), the compensation gives the units back.
 *
 * A cart placed through the launch queue is never completed here, even once the queue's order
 * exists: Medusa's completion checks only for an order linked to the cart (not `completed_at`),
 * and it reads that link before this hook, so a link made in between (the queue's order done a
 * moment later) would still be missed and a second order made. Found by a test that lost 1
 * round in 4 when this hook let a cart through once its intake was done.
 */
completeCartWorkflow.hooks.validate(
  async ({ cart }, { container }) => {
    const intakes: CheckoutIntakeModuleService = container.resolve(CHECKOUT_INTAKE_MODULE);
    if (await intakes.findBy("source_cart_id", cart.id)) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        "This cart was placed through the launch queue: its order is made there.",
      );
    }
    const items = (cart.items ?? []) as { variant_id?: string | null; quantity: number }[];
    // The cart routes check the limits too, but two changes at once can pass them together.
    const tooMany = orderLimitProblem(
      items.map((item) => ({ variant_id: item.variant_id ?? "", quantity: Number(item.quantity) })),
    );
    if (tooMany) throw new MedusaError(MedusaError.Types.INVALID_DATA, orderLimitMessage(tooMany));
    const production: ProductionModuleService = container.resolve(PRODUCTION_MODULE);
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
