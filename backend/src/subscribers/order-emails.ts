import { routes } from "@camslide/product";
import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework";
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils";
import { linkSecret, orderStatus } from "../api/store/order-status/status";
import { emailLocale, formatDay, orderCanceledEmail, orderPlacedEmail } from "../lib/emails";
import { signOrderLink } from "../lib/order-links";

/**
 * Confirmation and cancellation emails, each sent once per order: the notification module
 * drops a second notification with the same idempotency key (Medusa #16555 was a confirmation
 * that never fired; tests/integration/emails.test.ts checks these do, once).
 */
export default async function orderEmails({ event, container }: SubscriberArgs<{ id: string }>) {
  const orderId = event.data.id;
  const query = container.resolve(ContainerRegistrationKeys.QUERY);
  const { data } = await query.graph({
    entity: "order",
    fields: ["id", "display_id", "email", "metadata"],
    filters: { id: orderId },
  });
  const order = data[0] as unknown as
    | {
        id: string;
        display_id: number;
        email: string | null;
        metadata: Record<string, unknown> | null;
      }
    | undefined;
  if (!order?.email) return;
  const locale = emailLocale(order.metadata);
  const storefront = (process.env.STOREFRONT_URL || "http://localhost:4321").replace(/\/$/, "");
  const link = `${storefront}${routes.status[locale]}?token=${encodeURIComponent(signOrderLink(order.id, linkSecret(container)))}`;
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
