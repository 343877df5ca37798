import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework";
import { Modules } from "@medusajs/framework/utils";
import { orderStatus } from "../api/store/order-status/status";
import { formatDay, orderCanceledEmail, orderPlacedEmail } from "../lib/emails";
import { ordersForMail, statusLink } from "../lib/order-mail";

/**
 * Confirmation and cancellation emails, each sent once per order: the notification module
 * drops a second notification with the same idempotency key (Medusa #16555 was a confirmation
 * that never fired; tests/integration/emails.test.ts checks these do, once).
 */
export default async function orderEmails({ event, container }: SubscriberArgs<{ id: string }>) {
  const [order] = await ordersForMail(container, [event.data.id]);
  if (!order?.email) return;
  const { locale } = order;
  const link = statusLink(container, order.id, locale);
  const placed = event.name === "order.placed";
  let email: { subject: string; text: string };
  if (placed) {
    const { batch } = await orderStatus(container, order.id);
    email = orderPlacedEmail(locale, {
      number: order.display_id,
      shipsBy: batch ? formatDay(batch.ships_by, locale) : null,
      batch: batch?.number ?? null,
      link,
    });
  } else {
    email = orderCanceledEmail(locale, { number: order.display_id, link });
  }
  const notifications = container.resolve(Modules.NOTIFICATION);
  await notifications.createNotifications({
    to: order.email,
    channel: "email",
    template: placed ? "order-placed" : "order-canceled",
    data: { ...email, order_id: order.id, locale },
    idempotency_key: `${event.name}:${order.id}`,
  });
}

export const config: SubscriberConfig = { event: ["order.placed", "order.canceled"] };
