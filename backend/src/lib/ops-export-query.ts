import type { Knex } from "@mikro-orm/knex";

/** What an export is for: a batch, orders placed since a date, and whether to repeat. */
export interface ExportFilter {
  batch?: number | undefined;
  since?: Date | undefined;
  includeExported: boolean;
}

export interface ExportLine {
  order_id: string;
  display_id: number;
  batch_number: number | null;
  email: string | null;
  first_name: string | null;
  last_name: string | null;
  company: string | null;
  address_1: string | null;
  address_2: string | null;
  postal_code: string | null;
  city: string | null;
  province: string | null;
  country_code: string | null;
  phone: string | null;
  sku: string | null;
  quantity: number;
  unit_weight_g: number | null;
}

/** Orders that can go to the 3PL: placed, not cancelled, with something left to ship. */
const ELIGIBLE = `
  o.deleted_at IS NULL AND o.is_draft_order = false AND o.canceled_at IS NULL
  AND o.status NOT IN ('canceled', 'draft', 'archived')
  AND EXISTS (SELECT 1 FROM order_item oi
               WHERE oi.order_id = o.id AND oi.version = o.version AND oi.deleted_at IS NULL
                 AND oi.quantity > oi.fulfilled_quantity)`;

/**
 * One page of eligible orders after `afterDisplayId`, in order-number order (keyset paging,
 * so page 80 costs what page 1 costs and nothing is held in memory between pages).
 */
export async function exportPage(
  pg: Knex,
  filter: ExportFilter,
  afterDisplayId: number,
  pageSize: number,
): Promise<{ orderIds: string[]; lastDisplayId: number; lines: ExportLine[] }> {
  const where = [ELIGIBLE, "o.display_id > ?"];
  const bindings: Knex.RawBinding[] = [afterDisplayId];
  if (filter.batch !== undefined) {
    where.push("pb.number = ?");
    bindings.push(filter.batch);
  }
  if (filter.since) {
    where.push("o.created_at >= ?");
    bindings.push(filter.since);
  }
  if (!filter.includeExported) {
    where.push(
      "NOT EXISTS (SELECT 1 FROM fulfilment_export fe WHERE fe.order_id = o.id AND fe.deleted_at IS NULL)",
    );
  }
  bindings.push(pageSize);
  const orders = await pg.raw<{ rows: { id: string; display_id: number }[] }>(
    `SELECT o.id, o.display_id FROM "order" o
       LEFT JOIN order_cart oc ON oc.order_id = o.id AND oc.deleted_at IS NULL
       LEFT JOIN batch_allocation ba ON ba.cart_id = oc.cart_id AND ba.deleted_at IS NULL
       LEFT JOIN production_batch pb ON pb.id = ba.batch_id
      WHERE ${where.join(" AND ")}
      ORDER BY o.display_id LIMIT ?`,
    bindings,
  );
  const orderIds = orders.rows.map((r) => r.id);
  const lastDisplayId = Number(orders.rows.at(-1)?.display_id ?? afterDisplayId);
  if (orderIds.length === 0) return { orderIds, lastDisplayId, lines: [] };
  const lines = await pg.raw<{ rows: ExportLine[] }>(
    `SELECT o.id AS order_id, o.display_id, pb.number AS batch_number, o.email,
            a.first_name, a.last_name, a.company, a.address_1, a.address_2, a.postal_code,
            a.city, a.province, a.country_code, a.phone,
            li.variant_sku AS sku, (oi.quantity - oi.fulfilled_quantity)::int AS quantity,
            pv.weight::float AS unit_weight_g
       FROM "order" o
       JOIN order_item oi ON oi.order_id = o.id AND oi.version = o.version AND oi.deleted_at IS NULL
       JOIN order_line_item li ON li.id = oi.item_id AND li.deleted_at IS NULL
       LEFT JOIN product_variant pv ON pv.id = li.variant_id
       LEFT JOIN order_address a ON a.id = o.shipping_address_id
       LEFT JOIN order_cart oc ON oc.order_id = o.id AND oc.deleted_at IS NULL
       LEFT JOIN batch_allocation ba ON ba.cart_id = oc.cart_id AND ba.deleted_at IS NULL
       LEFT JOIN production_batch pb ON pb.id = ba.batch_id
      WHERE o.id IN (${orderIds.map(() => "?").join(", ")}) AND oi.quantity > oi.fulfilled_quantity AND li.requires_shipping
      ORDER BY o.display_id, li.created_at, li.id`,
    orderIds,
  );
  return {
    orderIds,
    lastDisplayId,
    lines: lines.rows.map((l) => ({ ...l, display_id: Number(l.display_id) })),
  };
}
