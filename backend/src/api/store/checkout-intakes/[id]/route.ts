import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http";
import { MedusaError } from "@medusajs/framework/utils";
import { intakePace } from "../../../../lib/intake-pressure";
import { verifyIntakeAccess } from "../../../../lib/order-links";
import { countAttempt, requestAddress } from "../../../../lib/rate-limit";
import { CHECKOUT_INTAKE_MODULE } from "../../../../modules/checkout-intake";
import type CheckoutIntakeModuleService from "../../../../modules/checkout-intake/service";
import { linkSecret } from "../../order-status/status";
import { pollAfterMs, queueShape } from "../poll-after";
import { intakeView } from "../view";

/**
 * GET /store/checkout-intakes/:id?token=…: where the shopper's checkout is (pending, converting,
 * done with the order's signed status link, or failed). The token is the intake's access_token,
 * given only to the browser that made it; an id without it (which an order id would give away)
 * gets the same "No checkout matches" as an unknown one. Wrong tokens count against the caller's
 * address and against the intake asked about (lib/rate-limit, intake*), and are refused with
 * 429 past either limit; a right token, which cannot be guessed, is never counted, as the page
 * polls with it. A waiting intake's answer says when to ask again (poll_after_ms): about when
 * its order should exist, from its place in the queue and the pace of conversion.
 */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const intakes: CheckoutIntakeModuleService = req.scope.resolve(CHECKOUT_INTAKE_MODULE);
  const id = String(req.params.id ?? "");
  const granted =
    /^cint_[0-9A-Z]{26}$/.test(id) &&
    verifyIntakeAccess(id, req.query.token, linkSecret(req.scope));
  if (!granted) {
    await countAttempt(res, [
      ["intakePerAddress", requestAddress(req)],
      // Only a well-formed id is a target: any other string would only add keys.
      ...(/^cint_[0-9A-Z]{26}$/.test(id) ? ([["intakePerIntake", id]] as const) : []),
    ]);
  }
  const intake = granted ? await intakes.findBy("id", id) : undefined;
  if (!intake) throw new MedusaError(MedusaError.Types.NOT_FOUND, "No checkout matches.");
  const waiting = intake.status === "pending" || intake.status === "converting";
  res.json({
    intake: {
      ...intakeView(req.scope, intake),
      // When the page should ask again (it follows the hint within its own bounds).
      ...(waiting
        ? {
            poll_after_ms: pollAfterMs(
              new Date(intake.created_at),
              intake.status,
              await queueShape(req.scope),
              intakePace.floorPerSecond(),
            ),
          }
        : {}),
    },
  });
}
