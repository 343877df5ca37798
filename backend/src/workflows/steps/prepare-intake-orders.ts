import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk";
import { prepareIntakeOrders } from "../../lib/intake-pricing";
import type { IntakeRow } from "../../modules/checkout-intake/service";

export type { PreparedOrders } from "../../lib/intake-pricing";

/** The orders the intakes become, built by prepareIntakeOrders (reads only). */
export const prepareIntakeOrdersStep = createStep(
  "prepare-intake-orders",
  async (intakes: IntakeRow[], { container }) =>
    new StepResponse(await prepareIntakeOrders(container, intakes)),
);
