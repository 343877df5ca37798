import type { Knex } from "@mikro-orm/knex";
import { allocationJoin } from "./order-batches";

/**
 * What an export is for: a batch, orders placed since a date; with `exportId`, exactly the
 * orders that export handed over (its file again), else only orders never exported.
 */
export interface ExportFilter {
  batch?: number | undefined;
  since?: Date | undefined;
  exportId?: string | undefined;
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

/**
 * Streams every line still to ship of the orders that match, in order-number order, through
 * a server-side cursor: one query plan for the whole export (hash joins, no per-page
 * re-planning) and `fetchRows` rows in memory at a time. An order's lines are contiguous.
 * Orders that can go to the 3PL: placed, not cancelled, with something left to fulfil.
 */
export async function streamExportLines(
  pg: Knex,
  filter: ExportFilter,
  fetchRows: number,
  onLines: (lines: ExportLine[]) => Promise<boolean>,
): Promise<void> {
  const where = [
    "o.deleted_at IS NULL",
    "o.is_draft_order = false",
    "o.canceled_at IS NULL",
    "o.status NOT IN ('canceled', 'draft', 'archived')",
    "oi.quantity > oi.fulfilled_quantity",
    "li.requires_shipping",
  ];
  const bindings: Knex.RawBinding[] = [];
  if (filter.batch !== undefined) {
    where.push("pb.number = ?");
    bindings.push(filter.batch);
  }
  if (filter.since) {
    where.push("o.created_at >= ?");
    bindings.push(filter.since);
  }
  if (filter.exportId !== undefined) {
    where.push(
      "EXISTS (SELECT 1 FROM fulfilment_export fe WHERE fe.order_id = o.id AND fe.export_id = ? AND fe.deleted_at IS NULL)",
    );
    bindings.push(filter.exportId);
  } else {
    where.push(
      "NOT EXISTS (SELECT 1 FROM fulfilment_export fe WHERE fe.order_id = o.id AND fe.deleted_at IS NULL)",
    );
  }
  await pg.transaction(
    async (trx) => {
      await trx.raw(
        `DECLARE camslide_ops_export NO SCROLL CURSOR FOR
         SELECT o.id AS order_id, o.display_id, pb.number AS batch_number, o.email,
                a.first_name, a.last_name, a.company, a.address_1, a.address_2, a.postal_code,
                a.city, a.province, a.country_code, a.phone,
                li.variant_sku AS sku, (oi.quantity - oi.fulfilled_quantity)::int AS quantity,
                pv.weight::float AS unit_weight_g
           FROM "order" o
           JOIN order_item oi ON oi.order_id = o.id AND oi.version = o.version AND oi.deleted_at IS NULL
           JOIN order_line_item li ON li.id = oi.item_id AND li.deleted_at IS NULL
           LEFT JOIN product_variant pv ON pv.id = li.variant_id
           LEFT JOIN order_address a ON a.id = o.shipping_address_id
           ${allocationJoin("ba", "o.id")}
           LEFT JOIN production_batch pb ON pb.id = ba.batch_id
          WHERE ${where.join(" AND ")}
          ORDER BY o.display_id, li.created_at, li.id`,
        bindings,
      );
      for (;;) {
        const { rows } = await trx.raw<{ rows: ExportLine[] }>(
          `FETCH ${Math.trunc(fetchRows)} FROM camslide_ops_export`,
        );
        if (rows.length === 0) break;
        const more = await onLines(rows.map((l) => ({ ...l, display_id: Number(l.display_id) })));
        if (!more || rows.length < fetchRows) break;
      }
      await trx.raw("CLOSE camslide_ops_export");
    },
    { readOnly: true },
  );
}
