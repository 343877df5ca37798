import type { Context } from "@medusajs/framework/types";
import {
  InjectManager,
  InjectTransactionManager,
  MedusaContext,
  MedusaError,
  MedusaService,
} from "@medusajs/framework/utils";
import type { EntityManager } from "@mikro-orm/knex";
import { orderIdFor } from "../../lib/intake-orders";
import { CheckoutIntake } from "./models/checkout-intake";
import { IntakeHold } from "./models/intake-hold";

export interface IntakeItem {
  variant_id: string;
  quantity: number;
  unit_price: number;
}

export interface IntakeRow {
  id: string;
  idempotency_key: string;
  request_hash: string;
  status: "pending" | "converting" | "done" | "failed";
  region_id: string;
  sales_channel_id: string;
  currency_code: string;
  email: string;
  locale: string | null;
  items: IntakeItem[];
  shipping_address: Record<string, string>;
  shipping_option_id: string;
  promise: { batch_number: number; ships_by: string };
  source_cart_id: string | null;
  cart_id: string | null;
  order_id: string | null;
  attempts: number;
  last_error: string | null;
  created_at: Date;
}

export type NewIntake = Omit<
  IntakeRow,
  | "status"
  | "cart_id"
  | "order_id"
  | "attempts"
  | "last_error"
  | "created_at"
  | "source_cart_id"
  | "promise"
> & { source_cart_id?: string | null };

/**
 * Takes the intake's production batch place inside the intake's own transaction (the
 * production module's `allocate`, given this context) and returns the promise it makes.
 */
export type AllocateInTransaction = (
  sharedContext: Context<EntityManager>,
) => Promise<IntakeRow["promise"]>;

/** The launch queue as the admin page and `npm run ops -- queue` show it (JSON-safe). */
export interface QueueSummary {
  /** Pending or being converted. */
  waiting: number;
  converting: number;
  done: number;
  failed_total: number;
  oldest_waiting_since: string | null;
  orders_last_minute: number;
  failed: {
    id: string;
    email: string;
    /** ISO 8601 */
    created_at: string;
    attempts: number;
    last_error: string | null;
    source_cart_id: string | null;
  }[];
}

interface StockRow {
  manage_inventory: boolean;
  allow_backorder: boolean;
  available: string | null;
  required: string | null;
  /** Units of this variant held by intakes whose orders have reserved them already. */
  reserved_held: string | null;
}

export const MAX_ATTEMPTS = 5;

/**
 * Checkout intakes: `accept` stores an intake, allocates its batch place and holds its stock in
 * one transaction; converters `claim` intakes with SKIP LOCKED (so two processes never convert
 * one intake at the same time), renew their claims with a `heartbeat` while they convert, then
 * `finish` or `retryOrFail` them. Stock is read from Medusa's inventory tables (read only) in
 * the same transaction, so an accepted intake never oversells.
 */
export default class CheckoutIntakeModuleService extends MedusaService({
  CheckoutIntake,
  IntakeHold,
}) {
  /** The intake with this idempotency key, source cart or id; each is unique. */
  @InjectManager()
  async findBy(
    column: "idempotency_key" | "source_cart_id" | "id",
    value: string,
    @MedusaContext() sharedContext: Context<EntityManager> = {},
  ): Promise<IntakeRow | undefined> {
    const manager = sharedContext.manager as EntityManager;
    const rows = await manager.execute<IntakeRow[]>(
      `SELECT * FROM checkout_intake WHERE ${column} = ? AND deleted_at IS NULL`,
      [value],
    );
    return rows[0];
  }

  /**
   * Stores the intake, takes its production batch place (`allocate`, run in this transaction)
   * and holds its units, or nothing at all: a variant without enough stock (Medusa's available
   * units minus what other intakes hold) refuses the whole intake and gives the batch place back
   * with it. A crash at any point leaves neither. The hold row of each variant is locked by its
   * upsert, so concurrent intakes queue per variant. Returns undefined when an intake with this
   * idempotency key exists already. An intake made from a storefront cart marks that cart
   * completed in the same transaction (refused if it was completed already), so the cart cannot
   * also become an order through Medusa's own checkout; a second intake for one cart breaks the
   * unique source_cart_id index.
   *
   * A converted order's reservation and its intake's hold exist together for a moment (the
   * reservation is made before `finish` lets go of the hold): the units of intakes still
   * converting whose orders have reservations are counted once, as reservations.
   */
  @InjectTransactionManager()
  async accept(
    intake: NewIntake,
    allocate: AllocateInTransaction,
    @MedusaContext() sharedContext: Context<EntityManager> = {},
  ): Promise<IntakeRow | undefined> {
    const manager = sharedContext.transactionManager as EntityManager;
    const [stored] = await manager.execute<IntakeRow[]>(
      `INSERT INTO checkout_intake (id, idempotency_key, request_hash, region_id, sales_channel_id,
         currency_code, email, locale, items, shipping_address, shipping_option_id, promise,
         source_cart_id)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?, '{}'::jsonb, ?)
       ON CONFLICT (idempotency_key) WHERE deleted_at IS NULL DO NOTHING
       RETURNING id`,
      [
        intake.id,
        intake.idempotency_key,
        intake.request_hash,
        intake.region_id,
        intake.sales_channel_id,
        intake.currency_code,
        intake.email,
        intake.locale,
        JSON.stringify(intake.items),
        JSON.stringify(intake.shipping_address),
        intake.shipping_option_id,
        intake.source_cart_id ?? null,
      ],
    );
    if (!stored) return undefined;
    if (intake.source_cart_id) {
      const closed = await manager.execute<{ id: string }[]>(
        `UPDATE cart SET completed_at = now(), updated_at = now()
          WHERE id = ? AND completed_at IS NULL AND deleted_at IS NULL RETURNING id`,
        [intake.source_cart_id],
      );
      if (closed.length === 0) {
        throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "This cart was checked out already.");
      }
    }
    const promise = await allocate({ ...sharedContext, manager });
    const [row] = await manager.execute<IntakeRow[]>(
      "UPDATE checkout_intake SET promise = ?::jsonb WHERE id = ? RETURNING *",
      [JSON.stringify(promise), intake.id],
    );
    // Lock in a fixed order so two intakes for the same variants cannot deadlock.
    const units = new Map<string, number>();
    for (const item of intake.items) {
      units.set(item.variant_id, (units.get(item.variant_id) ?? 0) + item.quantity);
    }
    for (const [variantId, quantity] of [...units].sort(([a], [b]) => a.localeCompare(b))) {
      const [hold] = await manager.execute<{ units: number }[]>(
        `INSERT INTO intake_hold (id, units) VALUES (?, ?)
         ON CONFLICT (id) DO UPDATE SET units = intake_hold.units + excluded.units, updated_at = now()
         RETURNING units`,
        [variantId, quantity],
      );
      // One statement, so Medusa's reserved units and the reservations of intakes still
      // converting are read from one snapshot (a reservation and its line commit together).
      const [stock] = await manager.execute<StockRow[]>(
        `SELECT v.manage_inventory, v.allow_backorder,
                sum(l.stocked_quantity - l.reserved_quantity) AS available,
                min(vi.required_quantity) AS required,
                (SELECT coalesce(sum((line->>'quantity')::int), 0)
                   FROM checkout_intake i CROSS JOIN jsonb_array_elements(i.items) line
                  WHERE i.status = 'converting' AND i.deleted_at IS NULL
                    AND line->>'variant_id' = v.id
                    AND EXISTS (
                      SELECT 1 FROM order_item oi
                        JOIN reservation_item r
                          ON r.line_item_id = oi.item_id AND r.deleted_at IS NULL
                       WHERE oi.order_id = 'order_' || substr(i.id, 6) AND oi.deleted_at IS NULL)
                ) AS reserved_held
           FROM product_variant v
           LEFT JOIN product_variant_inventory_item vi
                  ON vi.variant_id = v.id AND vi.deleted_at IS NULL
           LEFT JOIN inventory_level l
                  ON l.inventory_item_id = vi.inventory_item_id AND l.deleted_at IS NULL
          WHERE v.id = ? AND v.deleted_at IS NULL
          GROUP BY v.id`,
        [variantId],
      );
      if (!stock) {
        throw new MedusaError(MedusaError.Types.INVALID_DATA, `No variant ${variantId}.`);
      }
      if (!stock.manage_inventory || stock.allow_backorder) continue;
      const available = Number(stock.available ?? 0) / Math.max(1, Number(stock.required ?? 1));
      const held = Number(hold?.units) - Number(stock.reserved_held ?? 0);
      if (held > available) {
        throw new MedusaError(
          MedusaError.Types.NOT_ALLOWED,
          `Not enough stock: ${Math.max(0, Math.floor(available - (held - quantity)))} left of variant ${variantId}, ${quantity} asked for.`,
        );
      }
    }
    return row;
  }

  /** Which of these intake ids exist (deleted or not): the allocation sweep keeps their places. */
  @InjectManager()
  async existing(
    ids: string[],
    @MedusaContext() sharedContext: Context<EntityManager> = {},
  ): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const manager = sharedContext.manager as EntityManager;
    const rows = await manager.execute<{ id: string }[]>(
      `SELECT id FROM checkout_intake WHERE id = ANY(ARRAY[?]::text[])
       UNION SELECT cart_id FROM checkout_intake WHERE cart_id = ANY(ARRAY[?]::text[])`,
      [ids, ids],
    );
    return new Set(rows.map((row) => row.id));
  }

  /**
   * The queue's shape, for telling waiting pages when to ask again: how many intakes wait and
   * the span of their arrival times (the partial index on waiting intakes' created_at answers
   * it), and how many became orders in the last 10 seconds.
   */
  @InjectManager()
  async queueShape(@MedusaContext() sharedContext: Context<EntityManager> = {}): Promise<{
    waiting: number;
    oldest: Date | null;
    newest: Date | null;
    doneLast10s: number;
  }> {
    const manager = sharedContext.manager as EntityManager;
    const [waiting] = await manager.execute<
      { n: string; oldest: Date | null; newest: Date | null }[]
    >(
      `SELECT count(*) AS n, min(created_at) AS oldest, max(created_at) AS newest
         FROM checkout_intake WHERE status IN ('pending', 'converting') AND deleted_at IS NULL`,
    );
    const [done] = await manager.execute<{ n: string }[]>(
      `SELECT count(*) AS n FROM checkout_intake
        WHERE status = 'done' AND updated_at > now() - interval '10 seconds' AND deleted_at IS NULL`,
    );
    return {
      waiting: Number(waiting?.n ?? 0),
      oldest: waiting?.oldest ? new Date(waiting.oldest) : null,
      newest: waiting?.newest ? new Date(waiting.newest) : null,
      doneLast10s: Number(done?.n ?? 0),
    };
  }

  /**
   * The queue as the maker watches it on launch day: intakes by status, how long the oldest
   * has waited, how many became orders in the last minute, and the latest that failed for good
   * (their shoppers were told nothing was charged; their carts were given back).
   */
  @InjectManager()
  async summary(
    failedLimit = 50,
    @MedusaContext() sharedContext: Context<EntityManager> = {},
  ): Promise<QueueSummary> {
    const manager = sharedContext.manager as EntityManager;
    const [counts] = await manager.execute<
      {
        pending: string;
        converting: string;
        done: string;
        failed: string;
        oldest: Date | null;
        last_minute: string;
      }[]
    >(
      `SELECT count(*) FILTER (WHERE status = 'pending') AS pending,
              count(*) FILTER (WHERE status = 'converting') AS converting,
              count(*) FILTER (WHERE status = 'done') AS done,
              count(*) FILTER (WHERE status = 'failed') AS failed,
              min(created_at) FILTER (WHERE status IN ('pending', 'converting')) AS oldest,
              count(*) FILTER (WHERE status = 'done' AND updated_at > now() - interval '1 minute')
                AS last_minute
         FROM checkout_intake WHERE deleted_at IS NULL`,
    );
    const failed = await manager.execute<(QueueSummary["failed"][number] & { created_at: Date })[]>(
      `SELECT id, email, created_at, attempts, last_error, source_cart_id
         FROM checkout_intake WHERE status = 'failed' AND deleted_at IS NULL
        ORDER BY updated_at DESC LIMIT ?`,
      [failedLimit],
    );
    return {
      waiting: Number(counts?.pending ?? 0) + Number(counts?.converting ?? 0),
      converting: Number(counts?.converting ?? 0),
      done: Number(counts?.done ?? 0),
      failed_total: Number(counts?.failed ?? 0),
      oldest_waiting_since: counts?.oldest ? new Date(counts.oldest).toISOString() : null,
      orders_last_minute: Number(counts?.last_minute ?? 0),
      failed: failed.map((f) => ({ ...f, created_at: new Date(f.created_at).toISOString() })),
    };
  }

  /**
   * Takes up to `limit` intakes to convert, oldest first, skipping rows another process holds:
   * waiting ones (past their retry backoff), and converting ones whose converter sent no
   * heartbeat for `staleAfterSeconds` (it died). A claim made before heartbeats existed
   * (heartbeat_at empty) lapses at its claim_expires_at.
   */
  @InjectManager()
  async claim(
    owner: string,
    limit: number,
    staleAfterSeconds: number,
    @MedusaContext() sharedContext: Context<EntityManager> = {},
  ): Promise<IntakeRow[]> {
    const manager = sharedContext.manager as EntityManager;
    return manager.execute<IntakeRow[]>(
      `UPDATE checkout_intake i
          SET status = 'converting', claimed_by = ?, attempts = i.attempts + 1,
              heartbeat_at = now(), claim_expires_at = NULL, updated_at = now()
        WHERE i.id IN (
          SELECT id FROM checkout_intake
           WHERE deleted_at IS NULL AND status IN ('pending', 'converting')
             AND CASE WHEN status = 'pending' OR heartbeat_at IS NULL
                      THEN claim_expires_at IS NULL OR claim_expires_at < now()
                      ELSE heartbeat_at < now() - make_interval(secs => ?) END
           ORDER BY created_at LIMIT ? FOR UPDATE SKIP LOCKED)
       RETURNING i.*`,
      [owner, staleAfterSeconds, limit],
    );
  }

  /** A converter renews its claims on these intakes (those it still holds). */
  @InjectManager()
  async heartbeat(
    owner: string,
    ids: string[],
    @MedusaContext() sharedContext: Context<EntityManager> = {},
  ): Promise<number> {
    if (ids.length === 0) return 0;
    const manager = sharedContext.manager as EntityManager;
    const rows = await manager.execute<{ id: string }[]>(
      `UPDATE checkout_intake SET heartbeat_at = now()
        WHERE id = ANY(ARRAY[?]::text[]) AND claimed_by = ? AND status = 'converting'
       RETURNING id`,
      [ids, owner],
    );
    return rows.length;
  }

  /**
   * Marks intakes done with their orders and lets go of their held units (the orders' own
   * reservations hold the stock now), in one transaction. An intake already done is left as it
   * is. `claimed_by` stays: it names the process that made the order. Returns the ids marked.
   */
  @InjectTransactionManager()
  async finish(
    done: { id: string; order_id: string }[],
    @MedusaContext() sharedContext: Context<EntityManager> = {},
  ): Promise<string[]> {
    if (done.length === 0) return [];
    const manager = sharedContext.transactionManager as EntityManager;
    const rows = await manager.execute<IntakeRow[]>(
      `UPDATE checkout_intake i SET status = 'done', order_id = v.order_id,
              claim_expires_at = NULL, last_error = NULL, updated_at = now()
         FROM unnest(ARRAY[?]::text[], ARRAY[?]::text[]) AS v(id, order_id)
        WHERE i.id = v.id AND i.status <> 'done' RETURNING i.*`,
      [done.map((d) => d.id), done.map((d) => d.order_id)],
    );
    await this.releaseHolds(
      manager,
      rows.flatMap((row) => row.items),
    );
    return rows.map((row) => row.id);
  }

  /**
   * After a failed conversion: back to pending with a backoff, or, after MAX_ATTEMPTS, failed
   * for good (its held units released). Returns the row when it failed for good.
   */
  @InjectTransactionManager()
  async retryOrFail(
    id: string,
    owner: string,
    error: string,
    @MedusaContext() sharedContext: Context<EntityManager> = {},
  ): Promise<IntakeRow | undefined> {
    const manager = sharedContext.transactionManager as EntityManager;
    const [row] = await manager.execute<IntakeRow[]>(
      `UPDATE checkout_intake
          SET status = CASE WHEN attempts >= ? THEN 'failed' ELSE 'pending' END,
              claimed_by = NULL, last_error = ?, updated_at = now(),
              claim_expires_at = now() + make_interval(secs => 2 ^ attempts)
        WHERE id = ? AND claimed_by = ? AND status = 'converting' RETURNING *`,
      [MAX_ATTEMPTS, error.slice(0, 500), id, owner],
    );
    if (row?.status !== "failed") return undefined;
    await this.releaseHolds(manager, row.items);
    if (row.source_cart_id) {
      // No order was made: the shopper's cart opens again, lines and retailer credit intact.
      await manager.execute(
        `UPDATE cart SET completed_at = NULL, updated_at = now()
          WHERE id = ? AND NOT EXISTS (SELECT 1 FROM "order" WHERE id = ?)`,
        [row.source_cart_id, orderIdFor(row.id)],
      );
    }
    return row;
  }

  private async releaseHolds(manager: EntityManager, items: IntakeItem[]): Promise<void> {
    const units = new Map<string, number>();
    for (const item of items) {
      units.set(item.variant_id, (units.get(item.variant_id) ?? 0) + item.quantity);
    }
    // In a fixed order, as `accept` locks them, so the two cannot deadlock.
    for (const [variantId, quantity] of [...units].sort(([a], [b]) => a.localeCompare(b))) {
      await manager.execute(
        "UPDATE intake_hold SET units = units - ?, updated_at = now() WHERE id = ?",
        [quantity, variantId],
      );
    }
  }
}
