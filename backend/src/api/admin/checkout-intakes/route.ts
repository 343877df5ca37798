import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http";
import { CHECKOUT_INTAKE_MODULE } from "../../../modules/checkout-intake";
import type CheckoutIntakeModuleService from "../../../modules/checkout-intake/service";

/**
 * GET /admin/checkout-intakes: the launch queue at a glance (waiting, converting, done, failed;
 * the oldest waiting; orders made in the last minute) and the latest intakes that failed for
 * good, with the shopper's email and the reason, so the maker can write to them.
 */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const intakes: CheckoutIntakeModuleService = req.scope.resolve(CHECKOUT_INTAKE_MODULE);
  res.json({ queue: await intakes.summary() });
}
