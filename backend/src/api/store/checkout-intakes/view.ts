import type { MedusaContainer } from "@medusajs/framework/types";
import { intakeAccessToken, signOrderLink } from "../../../lib/order-links";
import type { IntakeRow } from "../../../modules/checkout-intake/service";
import { linkSecret } from "../order-status/status";

/**
 * What the shopper's page sees of an intake; once it is an order, the order's signed link.
 * `access_token` is what GET /store/checkout-intakes/:id asks for: only the browser that made
 * the intake (or retries it with the same Idempotency-Key and body) is given it.
 */
export function intakeView(container: MedusaContainer, intake: IntakeRow) {
  const secret = linkSecret(container);
  const subtotal = intake.items.reduce((sum, item) => sum + item.unit_price * item.quantity, 0);
  return {
    id: intake.id,
    access_token: intakeAccessToken(intake.id, secret),
    status: intake.status,
    currency_code: intake.currency_code,
    items: intake.items,
    items_subtotal: subtotal,
    promise: intake.promise,
    order_id: intake.order_id,
    order_token:
      intake.status === "done" && intake.order_id ? signOrderLink(intake.order_id, secret) : null,
    ...(intake.status === "failed"
      ? {
          error: "This order could not be placed; nothing was charged. Please try again.",
          // Opened again when the intake failed: the page can give the shopper their cart back.
          cart_id: intake.source_cart_id,
        }
      : {}),
  };
}
