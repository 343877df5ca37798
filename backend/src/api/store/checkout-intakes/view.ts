import type { MedusaContainer } from "@medusajs/framework/types";
import { signOrderLink } from "../../../lib/order-links";
import type { IntakeRow } from "../../../modules/checkout-intake/service";
import { linkSecret } from "../order-status/status";

/** What the shopper's page sees of an intake; once it is an order, the order's signed link. */
export function intakeView(container: MedusaContainer, intake: IntakeRow) {
  const subtotal = intake.items.reduce((sum, item) => sum + item.unit_price * item.quantity, 0);
  return {
    id: intake.id,
    status: intake.status,
    currency_code: intake.currency_code,
    items: intake.items,
    items_subtotal: subtotal,
    promise: intake.promise,
    order_id: intake.order_id,
    order_token:
      intake.status === "done" && intake.order_id
        ? signOrderLink(intake.order_id, linkSecret(container))
        : null,
    ...(intake.status === "failed"
      ? { error: "This order could not be placed; nothing was charged. Please try again." }
      : {}),
  };
}
