import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http";
import { ContainerRegistrationKeys } from "@medusajs/framework/utils";
import type { Knex } from "@mikro-orm/knex";
import { PRODUCTION_MODULE } from "../../../../modules/production";
import type ProductionModuleService from "../../../../modules/production/service";

/**
 * GET /store/production/progress: every batch's date, state and units ordered (promised from
 * it), produced (reported by the maker) and shipped (orders of the batch whose parcel has a
 * shipped fulfilment), for the public progress page. Counts only: nothing about any buyer.
 */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const production: ProductionModuleService = req.scope.resolve(PRODUCTION_MODULE);
  const pg: Knex = req.scope.resolve(ContainerRegistrationKeys.PG_CONNECTION);
  const [batches, { rows: shipped }] = await Promise.all([
    production.listProductionBatches({}, { order: { number: "ASC" } }),
    pg.raw<{ rows: { batch_id: string; units: number }[] }>(
      `SELECT ba.batch_id, SUM(ba.units)::int AS units
         FROM batch_allocation ba
         LEFT JOIN order_cart oc ON oc.cart_id = ba.cart_id AND oc.deleted_at IS NULL
        WHERE ba.deleted_at IS NULL
          AND EXISTS (SELECT 1 FROM order_fulfillment x
                        JOIN fulfillment f ON f.id = x.fulfillment_id
                       WHERE x.order_id = COALESCE(ba.order_id, oc.order_id) AND x.deleted_at IS NULL
                         AND f.deleted_at IS NULL AND f.canceled_at IS NULL
                         AND f.shipped_at IS NOT NULL)
        GROUP BY ba.batch_id`,
    ),
  ]);
  const shippedByBatch = new Map(shipped.map((r) => [r.batch_id, r.units]));
  res.set("cache-control", "public, max-age=60");
  res.json({
    batches: batches.map((b) => ({
      number: b.number,
      ships_by: new Date(b.ships_by).toISOString().slice(0, 10),
      state: b.state,
      capacity_units: b.capacity_units,
      ordered_units: b.allocated_units,
      produced_units: b.produced_units,
      shipped_units: shippedByBatch.get(b.id) ?? 0,
    })),
  });
}
