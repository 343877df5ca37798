import { routes } from "@camslide/product";
import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework";
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils";
import { linkSecret } from "../api/store/order-status/status";
import { emailLocale, orderShippedEmail } from "../lib/emails";
import { signOrderLink } from "../lib/order-links";

/** The shipped notice with the tracking number, once per shipment. */
export default async function orderShipped({
  event,
  container,
}: SubscriberArgs<{ id: string; no_notification?: boolean }>) {
  if (event.data.no_notification) return;
  const query = container.resolve(ContainerRegistrationKeys.QUERY);
  const { data: links } = await query.graph({
    entity: "order_fulfillment",
    fields: ["order_id"],
    filters: { fulfillment_id: event.data.id },
  });
  const orderId = (links[0] as { order_id?: string } | undefined)?.order_id;
  if (!orderId) return;
  const { data: orders } = await query.graph({
    entity: "order",
    fields: ["id", "display_id", "email", "metadata"],
    filters: { id: orderId },
  });
  const order = orders[0] as unknown as
    | {
        id: string;
        display_id: number;
        email: string | null;
        metadata: Record<string, unknown> | null;
      }
    | undefined;
  const { data: fulfilments } = await query.graph({
    entity: "fulfillment",
    fields: ["id", "metadata", "labels.tracking_number"],
    filters: { id: event.data.id },
  });
  const fulfilment = fulfilments[0] as unknown as
    | { metadata: Record<string, unknown> | null; labels: { tracking_number: string }[] }
    | undefined;
  if (!order?.email || !fulfilment) return;
  const locale = emailLocale(order.metadata);
  const storefront = (process.env.STOREFRONT_URL || "http://localhost:4321").replace(/\/$/, "");
  const link = `${storefront}${routes.status[locale]}?token=${encodeURIComponent(signOrderLink(order.id, linkSecret(container)))}`;
  const carrier = fulfilment.metadata?.carrier;
  const email = orderShippedEmail(locale, {
    number: order.display_id,
    carrier: typeof carrier === "string" && carrier ? carrier : "the carrier",
    tracking: fulfilment.labels.map((l) => l.tracking_number).join(", "),
    link,
  });
  await container.resolve(Modules.NOTIFICATION).createNotifications({
    to: order.email,
    channel: "email",
    template: "order-shipped",
    data: { ...email, order_id: order.id, locale },
    idempotency_key: `shipment.created:${event.data.id}`,
  });
}

export const config: SubscriberConfig = { event: "shipment.created" };
