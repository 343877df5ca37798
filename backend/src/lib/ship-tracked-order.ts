import type { ILockingModule, MedusaContainer } from "@medusajs/framework/types";
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils";
import {
  createOrderFulfillmentWorkflow,
  createOrderShipmentWorkflow,
} from "@medusajs/medusa/core-flows";
import type { Knex } from "@mikro-orm/knex";
import { trackingUrl } from "./carriers";
import type { TrackingRow } from "./tracking-csv";

export type ShipOutcome =
  | { shipped: true; order_id: string; fulfillment_id: string }
  | { shipped: false; reason: string };

interface OrderRow {
  id: string;
  status: string;
  canceled_at: Date | null;
  version: number;
  exported: boolean;
}

/**
 * Ships one order of the 3PL's tracking file: creates the Medusa fulfilment for what is left
 * to fulfil and marks it shipped with the tracking number, through Medusa's workflows. Under a
 * lock per order, and decided from the order's state, so the same line imported twice (or by
 * two imports at once) ships once. A fulfilment left unshipped by an earlier, interrupted
 * import is shipped rather than duplicated.
 */
export async function shipTrackedOrder(
  container: MedusaContainer,
  row: TrackingRow,
  actorId: string | undefined,
): Promise<ShipOutcome> {
  const pg: Knex = container.resolve(ContainerRegistrationKeys.PG_CONNECTION);
  const { rows: orders } = await pg.raw<{ rows: OrderRow[] }>(
    `SELECT o.id, o.status, o.canceled_at, o.version,
            EXISTS (SELECT 1 FROM fulfilment_export fe
                     WHERE fe.order_id = o.id AND fe.deleted_at IS NULL) AS exported
       FROM "order" o
      WHERE o.display_id = ? AND o.deleted_at IS NULL AND o.is_draft_order = false`,
    [row.orderNumber],
  );
  const order = orders[0];
  if (!order) return { shipped: false, reason: `unknown order ${row.orderNumber}` };
  const locking: ILockingModule = container.resolve(Modules.LOCKING);
  return locking.execute(`camslide-ops-ship:${order.id}`, () =>
    shipLocked(container, pg, order, row, actorId),
  );
}

async function shipLocked(
  container: MedusaContainer,
  pg: Knex,
  order: OrderRow,
  row: TrackingRow,
  actorId: string | undefined,
): Promise<ShipOutcome> {
  const [{ rows: state }, { rows: fulfilments }] = await Promise.all([
    pg.raw<{ rows: { id: string; status: string; canceled_at: Date | null }[] }>(
      `SELECT id, status, canceled_at FROM "order" WHERE id = ?`,
      [order.id],
    ),
    pg.raw<{ rows: { id: string; shipped_at: Date | null; tracking: string | null }[] }>(
      `SELECT f.id, f.shipped_at,
              (SELECT string_agg(l.tracking_number, ' ') FROM fulfillment_label l
                WHERE l.fulfillment_id = f.id AND l.deleted_at IS NULL) AS tracking
         FROM order_fulfillment x JOIN fulfillment f ON f.id = x.fulfillment_id
        WHERE x.order_id = ? AND x.deleted_at IS NULL AND f.deleted_at IS NULL
          AND f.canceled_at IS NULL
        ORDER BY f.created_at`,
      [order.id],
    ),
  ]);
  const current = state[0];
  if (!current || current.canceled_at || current.status === "canceled") {
    return { shipped: false, reason: `order ${row.orderNumber} is cancelled` };
  }
  if (!order.exported) {
    return {
      shipped: false,
      reason: `order ${row.orderNumber} was never exported to the 3PL`,
    };
  }
  const { rows: items } = await pg.raw<{ rows: { id: string; remaining: string }[] }>(
    `SELECT oi.item_id AS id, (oi.quantity - oi.fulfilled_quantity)::text AS remaining
       FROM order_item oi JOIN "order" o ON o.id = oi.order_id AND oi.version = o.version
      WHERE oi.order_id = ? AND oi.deleted_at IS NULL AND oi.quantity > oi.fulfilled_quantity`,
    [order.id],
  );
  const label = {
    tracking_number: row.trackingNumber,
    tracking_url: trackingUrl(row.carrier, row.trackingNumber),
    label_url: "",
  };
  const metadata = { carrier: row.carrier, shipped_date: row.shippedDate, source: "3pl-import" };
  let fulfilmentId = fulfilments.find((f) => !f.shipped_at)?.id;
  if (items.length > 0) {
    const { result } = await createOrderFulfillmentWorkflow(container).run({
      input: {
        order_id: order.id,
        items: items.map((i) => ({ id: i.id, quantity: Number(i.remaining) })),
        labels: [label],
        metadata,
        ...(actorId ? { created_by: actorId } : {}),
      },
    });
    fulfilmentId = result.id;
  }
  if (!fulfilmentId) {
    const tracking = fulfilments
      .map((f) => f.tracking)
      .filter(Boolean)
      .join(", ");
    return {
      shipped: false,
      reason: `order ${row.orderNumber} is already shipped${tracking ? ` (tracking ${tracking})` : ""}`,
    };
  }
  const { rows: shippedItems } = await pg.raw<{ rows: { id: string; quantity: string }[] }>(
    `SELECT line_item_id AS id, quantity::text AS quantity FROM fulfillment_item
      WHERE fulfillment_id = ? AND deleted_at IS NULL`,
    [fulfilmentId],
  );
  await createOrderShipmentWorkflow(container).run({
    input: {
      order_id: order.id,
      fulfillment_id: fulfilmentId,
      items: shippedItems.map((i) => ({ id: i.id, quantity: Number(i.quantity) })),
      labels: [label],
      metadata,
      ...(actorId ? { created_by: actorId } : {}),
    },
  });
  return { shipped: true, order_id: order.id, fulfillment_id: fulfilmentId };
}
