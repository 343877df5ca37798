import type { MedusaContainer } from "@medusajs/framework/types";
import { ContainerRegistrationKeys } from "@medusajs/framework/utils";
import type { Knex } from "@mikro-orm/knex";

/**
 * An order's production allocation: the allocation of its cart (through Medusa's order-cart
 * link) or, for an order made from a checkout intake, the allocation that names the order.
 * SQL fragments for the queries that join orders to batches; `o` is the order's alias.
 */
export const allocationJoin = (alias: string, order: string) => `
  LEFT JOIN LATERAL (
    SELECT x.* FROM batch_allocation x
     WHERE x.deleted_at IS NULL
       AND (x.order_id = ${order}
            OR x.cart_id = (SELECT oc.cart_id FROM order_cart oc
                             WHERE oc.order_id = ${order} AND oc.deleted_at IS NULL LIMIT 1))
     LIMIT 1
  ) ${alias} ON true`;

export interface OrderBatch {
  allocation_id: string;
  units: number;
  batch: { id: string; number: number; ships_by: string; state: string };
}

interface Row {
  order_id: string;
  allocation_id: string;
  units: number;
  batch_id: string;
  number: number;
  ships_by: Date | string;
  state: string;
}

/** The batch each of these orders was given; an order without one is absent from the map. */
export async function orderBatches(
  container: MedusaContainer,
  orderIds: string[],
): Promise<Map<string, OrderBatch>> {
  const found = new Map<string, OrderBatch>();
  if (orderIds.length === 0) return found;
  const pg: Knex = container.resolve(ContainerRegistrationKeys.PG_CONNECTION);
  const { rows } = await pg.raw<{ rows: Row[] }>(
    `SELECT o.id AS order_id, ba.id AS allocation_id, ba.units, pb.id AS batch_id, pb.number,
            pb.ships_by, pb.state
       FROM unnest(ARRAY[${orderIds.map(() => "?").join(", ")}]::text[]) AS o(id)
       ${allocationJoin("ba", "o.id")}
       JOIN production_batch pb ON pb.id = ba.batch_id`,
    orderIds,
  );
  for (const row of rows) {
    found.set(row.order_id, {
      allocation_id: row.allocation_id,
      units: Number(row.units),
      batch: {
        id: row.batch_id,
        number: Number(row.number),
        ships_by: new Date(row.ships_by).toISOString().slice(0, 10),
        state: row.state,
      },
    });
  }
  return found;
}

/** A page of a batch's allocations with the order each became (cancelled orders included). */
export async function ordersInBatch(
  container: MedusaContainer,
  batchId: string,
  page: { after: string; limit: number },
): Promise<{ allocation_id: string; order_id: string | null }[]> {
  const pg: Knex = container.resolve(ContainerRegistrationKeys.PG_CONNECTION);
  const { rows } = await pg.raw<{ rows: { allocation_id: string; order_id: string | null }[] }>(
    `SELECT ba.id AS allocation_id,
            COALESCE(ba.order_id, (SELECT oc.order_id FROM order_cart oc
                                    WHERE oc.cart_id = ba.cart_id AND oc.deleted_at IS NULL
                                    LIMIT 1)) AS order_id
       FROM batch_allocation ba
      WHERE ba.batch_id = ? AND ba.deleted_at IS NULL AND ba.id > ?
      ORDER BY ba.id LIMIT ?`,
    [batchId, page.after, page.limit],
  );
  return rows;
}
