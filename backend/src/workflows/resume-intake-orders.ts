import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk";
import { type ConvertIntakesInput, completeIntakeOrders } from "./convert-intakes";
import { planIntakeOrderResumeStep } from "./steps/plan-intake-order-resume";

/**
 * Completes orders whose conversion was cut off after the order was stored (a process killed
 * mid-workflow: Medusa's in-process workflow engine has nothing to resume from). Adds only what
 * is missing, and emits `order.placed` again: the confirmation email is sent once per order
 * whatever the number of events (its idempotency key).
 */
export const resumeIntakeOrdersWorkflow = createWorkflow(
  "resume-checkout-intake-orders",
  (input: ConvertIntakesInput) => {
    const intakes = transform({ input }, ({ input }) => input.intakes);
    const plan = planIntakeOrderResumeStep(intakes);
    completeIntakeOrders({
      reservations: transform({ plan }, ({ plan }) => plan.reservations),
      lineOrders: transform({ plan }, ({ plan }) => plan.lineOrders),
      totals: transform({ plan }, ({ plan }) => plan.totals),
      pairs: transform({ plan }, ({ plan }) => plan.pairs),
      placed: transform({ plan }, ({ plan }) => plan.placed),
      carts: transform({ plan }, ({ plan }) => plan.carts),
    });
    return new WorkflowResponse(transform({ plan }, ({ plan }) => plan.found));
  },
);
