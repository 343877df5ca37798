import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework";
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils";
import { orderShippedEmail } from "../lib/emails";
import { ordersForMail, statusLink } from "../lib/order-mail";

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
  const [order] = await ordersForMail(container, [orderId]);
  const { data: fulfilments } = await query.graph({
    entity: "fulfillment",
    fields: ["id", "metadata", "labels.tracking_number"],
    filters: { id: event.data.id },
  });
  const fulfilment = fulfilments[0] as unknown as
    | { metadata: Record<string, unknown> | null; labels: { tracking_number: string }[] }
    | undefined;
  if (!order?.email || !fulfilment) return;
  const { locale } = order;
  const link = statusLink(container, order.id, locale);
  const carrier = fulfilment.metadata?.carrier;
  const email = orderShippedEmail(locale, {
    number: order.display_id,
    carrier: typeof carrier === "string" && carrier ? carrier : null,
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
