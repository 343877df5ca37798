import { routes } from "@camslide/product";
import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework";
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils";
import { linkSecret } from "../api/store/order-status/status";
import { batchMovedEmail, emailLocale, formatDay } from "../lib/emails";
import { signOrderLink } from "../lib/order-links";
import { BATCH_DATE_CHANGED, PRODUCTION_MODULE } from "../modules/production";
import type ProductionModuleService from "../modules/production/service";

const PAGE = 500;

interface Moved {
  batch_id: string;
  from: string;
  to: string;
}

/**
 * Tells every buyer whose order is in a batch that its date moved, with the new date and a
 * one-click cancel-and-refund link; once per buyer per new date (idempotency key), however
 * often the event is delivered.
 */
export default async function batchDateChanged({ event, container }: SubscriberArgs<Moved>) {
  const { batch_id, to } = event.data;
  const production: ProductionModuleService = container.resolve(PRODUCTION_MODULE);
  const query = container.resolve(ContainerRegistrationKeys.QUERY);
  const notifications = container.resolve(Modules.NOTIFICATION);
  const batch = await production.retrieveProductionBatch(batch_id);
  const storefront = (process.env.STOREFRONT_URL || "http://localhost:4321").replace(/\/$/, "");
  const secret = linkSecret(container);
  for (let skip = 0; ; skip += PAGE) {
    const allocations = await production.listBatchAllocations(
      { batch_id },
      { take: PAGE, skip, order: { id: "ASC" } },
    );
    if (allocations.length === 0) break;
    const { data: links } = await query.graph({
      entity: "order_cart",
      fields: ["order_id", "cart_id"],
      filters: { cart_id: allocations.map((a) => a.cart_id) },
    });
    const orderIds = (links as { order_id: string }[]).map((l) => l.order_id);
    if (orderIds.length === 0) continue;
    const { data: orders } = await query.graph({
      entity: "order",
      fields: ["id", "display_id", "email", "status", "metadata"],
      filters: { id: orderIds },
    });
    const messages = (
      orders as unknown as {
        id: string;
        display_id: number;
        email: string | null;
        status: string;
        metadata: Record<string, unknown> | null;
      }[]
    )
      .filter((order) => order.email && order.status !== "canceled")
      .map((order) => {
        const locale = emailLocale(order.metadata);
        const link = `${storefront}${routes.status[locale]}?token=${encodeURIComponent(signOrderLink(order.id, secret))}`;
        const email = batchMovedEmail(locale, {
          number: order.display_id,
          batch: batch.number,
          shipsBy: formatDay(to, locale),
          link,
        });
        return {
          to: order.email ?? "",
          channel: "email",
          template: "batch-date-changed",
          data: { ...email, order_id: order.id, locale, batch: batch.number, ships_by: to },
          idempotency_key: `${BATCH_DATE_CHANGED}:${batch_id}:${to}:${order.id}`,
        };
      });
    if (messages.length > 0) await notifications.createNotifications(messages);
  }
}

export const config: SubscriberConfig = { event: BATCH_DATE_CHANGED };
