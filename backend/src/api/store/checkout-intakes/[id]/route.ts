import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http";
import { MedusaError } from "@medusajs/framework/utils";
import { verifyIntakeAccess } from "../../../../lib/order-links";
import { RateLimiter } from "../../../../lib/rate-limit";
import { CHECKOUT_INTAKE_MODULE } from "../../../../modules/checkout-intake";
import type CheckoutIntakeModuleService from "../../../../modules/checkout-intake/service";
import { linkSecret } from "../../order-status/status";
import { intakeView } from "../view";

/** Wrong intake ids or tokens per address: as many as order links allow. */
const intakeAttempts = new RateLimiter(20, 10 * 60 * 1000);

/**
 * GET /store/checkout-intakes/:id?token=…: where the shopper's checkout is (pending, converting,
 * done with the order's signed status link, or failed). The token is the intake's access_token,
 * given only to the browser that made it; an id without it (which an order id would give away)
 * gets the same "No checkout matches" as an unknown one, and wrong tokens are rate-limited as
 * order links are.
 */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const intakes: CheckoutIntakeModuleService = req.scope.resolve(CHECKOUT_INTAKE_MODULE);
  const id = String(req.params.id ?? "");
  const granted =
    /^cint_[0-9A-Z]{26}$/.test(id) &&
    verifyIntakeAccess(id, req.query.token, linkSecret(req.scope));
  if (!granted && !intakeAttempts.take(req.ip ?? "unknown")) {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "Too many attempts. Try again later.");
  }
  const intake = granted ? await intakes.findBy("id", id) : undefined;
  if (!intake) throw new MedusaError(MedusaError.Types.NOT_FOUND, "No checkout matches.");
  res.json({ intake: intakeView(req.scope, intake) });
}
