import { plannedShipsBy, productionPlan } from "@camslide/product";
import type { Context } from "@medusajs/framework/types";
import {
  InjectManager,
  MedusaContext,
  MedusaError,
  MedusaService,
} from "@medusajs/framework/utils";
import type { EntityManager } from "@mikro-orm/knex";
import { BatchAllocation } from "./models/batch-allocation";
import { ProductionBatch } from "./models/production-batch";

export interface Promise_ {
  batch_id: string;
  number: number;
  ships_by: string;
}

interface AllocationRow {
  allocation_id: string;
  batch_id: string;
  number: number;
  ships_by: Date | string;
  created: boolean;
}

function isoDate(value: Date | string): string {
  return (value instanceof Date ? value : new Date(value)).toISOString().slice(0, 10);
}

/**
 * Batches and allocations. `allocate` is the one place capacity is taken: a single UPDATE on
 * the earliest open batch with room, with the row locked, so concurrent orders can never
 * overfill a batch; the allocation row is unique per cart, so completing a cart twice takes
 * capacity once.
 */
export default class ProductionModuleService extends MedusaService({
  ProductionBatch,
  BatchAllocation,
}) {
  @InjectManager()
  async allocate(
    cartId: string,
    units: number,
    @MedusaContext() sharedContext: Context<EntityManager> = {},
  ): Promise<Promise_ & { allocation_id: string; created: boolean }> {
    if (!Number.isSafeInteger(units) || units < 1) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `cannot allocate ${units} units`);
    }
    const manager = sharedContext.manager as EntityManager;
    for (let attempt = 0; attempt < 5; attempt++) {
      const rows = await manager.execute<AllocationRow[]>(
        `WITH existing AS (
           SELECT a.id AS allocation_id, b.id AS batch_id, b.number, b.ships_by, false AS created
             FROM batch_allocation a JOIN production_batch b ON b.id = a.batch_id
            WHERE a.cart_id = ? AND a.deleted_at IS NULL
         ),
         target AS (
           SELECT id FROM production_batch
            WHERE state = 'open' AND deleted_at IS NULL AND allocated_units + ? <= capacity_units
              AND NOT EXISTS (SELECT 1 FROM existing)
            ORDER BY number LIMIT 1 FOR UPDATE
         ),
         taken AS (
           UPDATE production_batch b
              SET allocated_units = b.allocated_units + ?,
                  state = CASE WHEN b.allocated_units + ? >= b.capacity_units THEN 'full' ELSE b.state END,
                  updated_at = now()
             FROM target WHERE b.id = target.id AND b.allocated_units + ? <= b.capacity_units
           RETURNING b.id, b.number, b.ships_by
         ),
         inserted AS (
           INSERT INTO batch_allocation (id, cart_id, units, batch_id, created_at, updated_at)
           SELECT 'palloc_' || replace(gen_random_uuid()::text, '-', ''), ?, ?, taken.id, now(), now()
             FROM taken
           RETURNING id, batch_id
         )
         SELECT * FROM existing
         UNION ALL
         SELECT inserted.id, taken.id, taken.number, taken.ships_by, true
           FROM inserted JOIN taken ON taken.id = inserted.batch_id`,
        [cartId, units, units, units, units, cartId, units],
      );
      const row = rows[0];
      if (row) {
        return {
          allocation_id: row.allocation_id,
          batch_id: row.batch_id,
          number: Number(row.number),
          ships_by: isoDate(row.ships_by),
          created: row.created,
        };
      }
      if (!(await this.planNextBatch(manager))) break;
    }
    throw new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      "Every production batch is full: Camslide cannot promise a ship date for this order, so it is not taken.",
    );
  }

  /** Gives back what `allocate` took (compensation when the order is not placed after all). */
  @InjectManager()
  async release(allocationId: string, @MedusaContext() sharedContext: Context<EntityManager> = {}) {
    const manager = sharedContext.manager as EntityManager;
    await manager.execute(
      `WITH gone AS (
         DELETE FROM batch_allocation WHERE id = ? RETURNING batch_id, units
       )
       UPDATE production_batch b
          SET allocated_units = b.allocated_units - gone.units,
              state = CASE WHEN b.state = 'full' THEN 'open' ELSE b.state END,
              updated_at = now()
         FROM gone WHERE b.id = gone.batch_id`,
      [allocationId],
    );
  }

  /**
   * Allocations that name no order yet, created before `before`, in id order after `afterId`:
   * what the orphan sweep (lib/intake-allocations.ts) checks against intakes and carts.
   */
  @InjectManager()
  async unorderedAllocations(
    before: Date,
    afterId: string,
    limit: number,
    @MedusaContext() sharedContext: Context<EntityManager> = {},
  ): Promise<{ id: string; key: string; units: number; created_at: Date }[]> {
    const manager = sharedContext.manager as EntityManager;
    return manager.execute<{ id: string; key: string; units: number; created_at: Date }[]>(
      `SELECT id, cart_id AS key, units, created_at FROM batch_allocation
        WHERE order_id IS NULL AND deleted_at IS NULL AND created_at < ? AND id > ?
        ORDER BY id LIMIT ?`,
      [before, afterId, limit],
    );
  }

  /** Gives back an allocation only if it still names no order; true if it was given back. */
  @InjectManager()
  async releaseUnordered(
    allocationId: string,
    @MedusaContext() sharedContext: Context<EntityManager> = {},
  ): Promise<boolean> {
    const manager = sharedContext.manager as EntityManager;
    const rows = await manager.execute<{ batch_id: string }[]>(
      `WITH gone AS (
         DELETE FROM batch_allocation WHERE id = ? AND order_id IS NULL RETURNING batch_id, units
       )
       UPDATE production_batch b
          SET allocated_units = b.allocated_units - gone.units,
              state = CASE WHEN b.state = 'full' THEN 'open' ELSE b.state END,
              updated_at = now()
         FROM gone WHERE b.id = gone.batch_id RETURNING b.id AS batch_id`,
      [allocationId],
    );
    return rows.length > 0;
  }

  /**
   * Records the order each checkout became on its allocation (`key` is the cart or intake id it
   * allocated under). Only an allocation without an order is set, so a replay changes nothing.
   * Returns the orders whose allocation was set now.
   */
  @InjectManager()
  async assignOrders(
    pairs: { key: string; order_id: string }[],
    @MedusaContext() sharedContext: Context<EntityManager> = {},
  ): Promise<string[]> {
    if (pairs.length === 0) return [];
    const manager = sharedContext.manager as EntityManager;
    const rows = await manager.execute<{ order_id: string }[]>(
      `UPDATE batch_allocation ba SET order_id = v.order_id, updated_at = now()
         FROM unnest(ARRAY[?]::text[], ARRAY[?]::text[]) AS v(key, order_id)
        WHERE ba.cart_id = v.key AND ba.order_id IS NULL AND ba.deleted_at IS NULL
       RETURNING ba.order_id`,
      [pairs.map((p) => p.key), pairs.map((p) => p.order_id)],
    );
    return rows.map((row) => row.order_id);
  }

  /** Undoes `assignOrders` for these orders (compensation when they are not placed after all). */
  @InjectManager()
  async unassignOrders(
    orderIds: string[],
    @MedusaContext() sharedContext: Context<EntityManager> = {},
  ): Promise<void> {
    if (orderIds.length === 0) return;
    const manager = sharedContext.manager as EntityManager;
    await manager.execute(
      "UPDATE batch_allocation SET order_id = NULL, updated_at = now() WHERE order_id = ANY(ARRAY[?]::text[])",
      [orderIds],
    );
  }

  /** Gives back the allocation held under any of these keys (an intake that failed for good). */
  @InjectManager()
  async releaseFor(keys: string[], @MedusaContext() sharedContext: Context<EntityManager> = {}) {
    const manager = sharedContext.manager as EntityManager;
    for (const key of keys) {
      const rows = await manager.execute<{ id: string }[]>(
        "SELECT id FROM batch_allocation WHERE cart_id = ? AND deleted_at IS NULL",
        [key],
      );
      for (const row of rows) await this.release(row.id, sharedContext);
    }
  }

  /**
   * Sets a batch's capacity, never below the units already promised from it (checked in the
   * same statement, so a concurrent order cannot slip in between). Returns false if refused.
   */
  @InjectManager()
  async setCapacity(
    batchId: string,
    capacityUnits: number,
    @MedusaContext() sharedContext: Context<EntityManager> = {},
  ): Promise<boolean> {
    const manager = sharedContext.manager as EntityManager;
    const rows = await manager.execute<{ id: string }[]>(
      `UPDATE production_batch
          SET capacity_units = ?,
              state = CASE WHEN state IN ('open', 'full')
                           THEN (CASE WHEN allocated_units >= ? THEN 'full' ELSE 'open' END)
                           ELSE state END,
              updated_at = now()
        WHERE id = ? AND allocated_units <= ? AND deleted_at IS NULL
       RETURNING id`,
      [capacityUnits, capacityUnits, batchId, capacityUnits],
    );
    return rows.length === 1;
  }

  /** Where an order of `units` would go now (no capacity is taken). */
  @InjectManager()
  async quote(
    units: number,
    @MedusaContext() sharedContext: Context<EntityManager> = {},
  ): Promise<(Promise_ & { planned: boolean }) | null> {
    const manager = sharedContext.manager as EntityManager;
    const [row] = await manager.execute<{ id: string; number: number; ships_by: Date }[]>(
      `SELECT id, number, ships_by FROM production_batch
        WHERE state = 'open' AND deleted_at IS NULL AND allocated_units + ? <= capacity_units
        ORDER BY number LIMIT 1`,
      [units],
    );
    if (row) {
      return {
        batch_id: row.id,
        number: Number(row.number),
        ships_by: isoDate(row.ships_by),
        planned: false,
      };
    }
    const next = await this.nextPlannedNumber(manager);
    if (next === null) return null;
    return { batch_id: "", number: next, ships_by: plannedShipsBy(next), planned: true };
  }

  private async nextPlannedNumber(manager: EntityManager): Promise<number | null> {
    if (productionPlan.whenAllFull !== "open-next") return null;
    const [row] = await manager.execute<{ max: number | null }[]>(
      "SELECT max(number) AS max FROM production_batch WHERE deleted_at IS NULL",
    );
    const next = Number(row?.max ?? 0) + 1;
    return next <= productionPlan.maxBatches ? next : null;
  }

  /** Opens the plan's next batch; false when the plan says stop. Safe against races. */
  private async planNextBatch(manager: EntityManager): Promise<boolean> {
    const next = await this.nextPlannedNumber(manager);
    if (next === null) return false;
    await manager.execute(
      `INSERT INTO production_batch (id, number, capacity_units, allocated_units, ships_by, state, created_at, updated_at)
       VALUES ('pbatch_' || replace(gen_random_uuid()::text, '-', ''), ?, ?, 0, ?, 'open', now(), now())
       ON CONFLICT DO NOTHING`,
      [next, productionPlan.batchCapacityUnits, plannedShipsBy(next)],
    );
    return true;
  }
}
