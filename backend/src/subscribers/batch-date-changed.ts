import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework";
import { Modules } from "@medusajs/framework/utils";
import { batchMovedEmail, formatDay } from "../lib/emails";
import { ordersInBatch } from "../lib/order-batches";
import { ordersForMail, statusLink } from "../lib/order-mail";
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
  const notifications = container.resolve(Modules.NOTIFICATION);
  const batch = await production.retrieveProductionBatch(batch_id);
  for (let after = ""; ; ) {
    const allocations = await ordersInBatch(container, batch_id, { after, limit: PAGE });
    if (allocations.length === 0) break;
    after = allocations.at(-1)?.allocation_id ?? after;
    const orderIds = allocations.flatMap((a) => (a.order_id ? [a.order_id] : []));
    if (orderIds.length === 0) continue;
    const messages = (await ordersForMail(container, orderIds))
      .filter((order) => order.email && order.status !== "canceled")
      .map((order) => {
        const email = batchMovedEmail(order.locale, {
          number: order.display_id,
          batch: batch.number,
          shipsBy: formatDay(to, order.locale),
          link: statusLink(container, order.id, order.locale),
        });
        return {
          to: order.email ?? "",
          channel: "email",
          template: "batch-date-changed",
          data: {
            ...email,
            order_id: order.id,
            locale: order.locale,
            batch: batch.number,
            ships_by: to,
          },
          idempotency_key: `${BATCH_DATE_CHANGED}:${batch_id}:${to}:${order.id}`,
        };
      });
    if (messages.length > 0) await notifications.createNotifications(messages);
  }
}

export const config: SubscriberConfig = { event: BATCH_DATE_CHANGED };
