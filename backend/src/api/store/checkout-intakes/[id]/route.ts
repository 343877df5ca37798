import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http";
import { MedusaError } from "@medusajs/framework/utils";
import { CHECKOUT_INTAKE_MODULE } from "../../../../modules/checkout-intake";
import type CheckoutIntakeModuleService from "../../../../modules/checkout-intake/service";
import { intakeView } from "../view";

/**
 * GET /store/checkout-intakes/:id: where the shopper's checkout is (pending, converting, done
 * with the order's signed status link, or failed). The intake id is known only to the browser
 * that made it, as a cart id is.
 */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const intakes: CheckoutIntakeModuleService = req.scope.resolve(CHECKOUT_INTAKE_MODULE);
  const id = String(req.params.id ?? "");
  const intake = /^cint_[0-9A-Z]{26}$/.test(id) ? await intakes.findById(id) : undefined;
  if (!intake) throw new MedusaError(MedusaError.Types.NOT_FOUND, "No checkout matches.");
  res.json({ intake: intakeView(req.scope, intake) });
}
