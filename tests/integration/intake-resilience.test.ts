import type { ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { backendReady, spawnBackend } from "../../scripts/lib/backend.ts";
import { findFreePort } from "../../scripts/lib/ports.ts";
import { stopProcess } from "../../scripts/lib/processes.ts";
import { sku } from "../../src/product/index.ts";
import { type AdminClient, adminClient, setStock } from "../support/admin.ts";
import { abandonClaim, intakeBody, postIntake, settledIntake } from "../support/intake.ts";
import { regionId, storeClient, variantIdBySku } from "../support/store.ts";
import { sql } from "../support/test-database.ts";

const { medusaEnv, logDir, databaseUrl, backendUrl, seeded } = inject("integration");
let admin: AdminClient;
let ch = "";
let tablet = "";
/** A second Medusa on the same database: the one killed in the middle of a checkout. */
let doomed: ChildProcess | undefined;
let doomedUrl = "";
const orphans = { intake: `cint_orphan${randomUUID().slice(0, 8)}`, cart: "" };

/**
 * Slow moments, made on purpose for the emails of these tests only: an intake stored with its
 * batch place (the moment a crash cut), an intake being marked done after its order reserved
 * its stock, an order being inserted (a converter slower than a heartbeat window).
 */
const slowMoments = `
  CREATE OR REPLACE FUNCTION camslide_test_slow_intake() RETURNS trigger AS $$
  BEGIN
    IF NEW.email LIKE 'crash-%' AND NEW.promise ? 'batch_number' THEN
      PERFORM pg_sleep(60);
    ELSIF NEW.email LIKE 'stockonce-%' AND TG_OP = 'UPDATE' THEN
      IF NEW.status = 'done' AND OLD.status <> 'done' THEN
        PERFORM pg_sleep(10);
      END IF;
    END IF;
    RETURN NEW;
  END $$ LANGUAGE plpgsql;
  CREATE OR REPLACE FUNCTION camslide_test_slow_order() RETURNS trigger AS $$
  BEGIN
    IF NEW.email LIKE 'slowconvert-%' THEN
      PERFORM pg_sleep(20);
    END IF;
    RETURN NEW;
  END $$ LANGUAGE plpgsql;
  CREATE TRIGGER camslide_test_slow BEFORE INSERT OR UPDATE ON checkout_intake
    FOR EACH ROW EXECUTE FUNCTION camslide_test_slow_intake();
  CREATE TRIGGER camslide_test_slow BEFORE INSERT ON "order"
    FOR EACH ROW EXECUTE FUNCTION camslide_test_slow_order();`;

async function orphanIntakeAllocations() {
  return sql<{ id: string }>(
    databaseUrl,
    `SELECT a.id FROM batch_allocation a
      WHERE a.cart_id LIKE 'cint\\_%' AND a.deleted_at IS NULL
        AND NOT EXISTS (SELECT 1 FROM checkout_intake i WHERE i.id = a.cart_id)`,
  );
}

/** Batches whose allocated units are not the sum of their allocations. */
async function miscountedBatches() {
  return sql<{ id: string }>(
    databaseUrl,
    `SELECT b.id FROM production_batch b
       LEFT JOIN batch_allocation a ON a.batch_id = b.id AND a.deleted_at IS NULL
      GROUP BY b.id HAVING b.allocated_units <> coalesce(sum(a.units), 0)`,
  );
}

async function ordersFor(email: string) {
  return sql<{ id: string }>(
    databaseUrl,
    `SELECT id FROM "order" WHERE email = $1 AND deleted_at IS NULL`,
    [email],
  );
}

beforeAll(async () => {
  admin = await adminClient("intake-resilience@example.ch");
  const sdk = storeClient();
  ch = await regionId(sdk, "ch");
  tablet = await variantIdBySku(sdk, ch, sku("tablet", "black"));
  // Batch places left by a crash of older code: one under an intake that was never stored, one
  // under a cart that never became an order (an hour ago).
  const [batch] = await sql<{ id: string }>(
    databaseUrl,
    "SELECT id FROM production_batch WHERE state = 'open' ORDER BY number LIMIT 1",
  );
  if (!batch) {
    // No open batch yet in this run: one accepted intake opens the plan's first.
    await postIntake(intakeBody(ch, tablet, `opener-${randomUUID()}@example.ch`), randomUUID());
  }
  const [open] = await sql<{ id: string }>(
    databaseUrl,
    "SELECT id FROM production_batch WHERE state = 'open' ORDER BY number LIMIT 1",
  );
  const cart = await storeClient().store.cart.create({ region_id: ch });
  orphans.cart = cart.cart.id;
  for (const [key, units, age] of [
    [orphans.intake, 3, "0 seconds"],
    [orphans.cart, 2, "1 hour"],
  ] as const) {
    await sql(
      databaseUrl,
      `WITH placed AS (
         INSERT INTO batch_allocation (id, cart_id, units, batch_id, created_at, updated_at)
         VALUES ('palloc_' || replace(gen_random_uuid()::text, '-', ''), $1, $2, $3,
                 now() - $4::interval, now())
         RETURNING batch_id, units)
       UPDATE production_batch b SET allocated_units = b.allocated_units + placed.units
         FROM placed WHERE b.id = placed.batch_id`,
      [key, units, open?.id, age],
    );
  }
  await sql(databaseUrl, slowMoments);
  const port = await findFreePort();
  const env = { ...medusaEnv, PORT: String(port) };
  const log = join(logDir, "medusa-doomed.log");
  doomed = await spawnBackend(env, log);
  await backendReady(doomed, env, log, 240_000);
  doomedUrl = `http://127.0.0.1:${port}`;
}, 300_000);

afterAll(async () => {
  if (doomed) await stopProcess(doomed);
  await sql(
    databaseUrl,
    `DROP TRIGGER IF EXISTS camslide_test_slow ON checkout_intake;
     DROP TRIGGER IF EXISTS camslide_test_slow ON "order";
     DROP FUNCTION IF EXISTS camslide_test_slow_intake();
     DROP FUNCTION IF EXISTS camslide_test_slow_order();`,
  );
});

describe("the launch queue when a process dies", () => {
  it("gives back, when a process starts, batch places whose intake or cart order does not exist", async () => {
    await expect
      .poll(
        async () =>
          sql(databaseUrl, "SELECT id FROM batch_allocation WHERE cart_id = ANY($1)", [
            [orphans.intake, orphans.cart],
          ]),
        { timeout: 60_000, interval: 500 },
      )
      .toHaveLength(0);
    expect(await miscountedBatches()).toEqual([]);
  });

  it("keeps no batch place of a checkout whose process was killed while storing it", async () => {
    const before = await orphanIntakeAllocations();
    const email = `crash-${randomUUID()}@example.ch`;
    // Its answer never comes: the process dies holding the intake's transaction open.
    const lost = postIntake(intakeBody(ch, tablet, email), randomUUID(), doomedUrl).catch(
      () => undefined,
    );
    await expect
      .poll(
        async () =>
          sql<{ pid: number }>(
            databaseUrl,
            `SELECT pid FROM pg_stat_activity
              WHERE datname = current_database() AND wait_event = 'PgSleep'
                AND query ILIKE '%checkout_intake%'`,
          ),
        { timeout: 60_000, interval: 200 },
      )
      .toHaveLength(1);
    doomed?.kill("SIGKILL");
    await lost;
    // PostgreSQL notices the dead client only when the sleep ends: end its session now.
    await sql(
      databaseUrl,
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
        WHERE datname = current_database() AND wait_event = 'PgSleep'
          AND query ILIKE '%checkout_intake%'`,
    );
    await expect
      .poll(
        async () =>
          sql(
            databaseUrl,
            `SELECT pid FROM pg_stat_activity
              WHERE datname = current_database() AND query ILIKE '%checkout_intake%'
                AND wait_event = 'PgSleep'`,
          ),
        { timeout: 30_000 },
      )
      .toHaveLength(0);
    expect(
      await sql(databaseUrl, "SELECT id FROM checkout_intake WHERE email = $1", [email]),
    ).toEqual([]);
    expect(await orphanIntakeAllocations()).toEqual(before);
    expect(await miscountedBatches()).toEqual([]);
  });

  it("keeps no batch place of a checkout refused for stock after its place was taken", async () => {
    const wanted = sku("monitor", "silver");
    const variant = await variantIdBySku(storeClient(), ch, wanted);
    const restore = await setStock(admin, wanted, (reserved) => reserved + 1);
    try {
      const units = async () =>
        sql<{ allocated: string; places: string }>(
          databaseUrl,
          `SELECT (SELECT sum(allocated_units) FROM production_batch) AS allocated,
                  (SELECT count(*) FROM batch_allocation WHERE deleted_at IS NULL) AS places`,
        );
      const before = await units();
      const email = `refused-${randomUUID()}@example.ch`;
      const reply = await postIntake(intakeBody(ch, variant, email, 2), randomUUID());
      expect(reply.status).toBe(400);
      expect(reply.body.message).toMatch(/Not enough stock/);
      expect(await units()).toEqual(before);
    } finally {
      await restore();
    }
  });

  it("takes over an intake whose converter died once a heartbeat is missed, not after 5 minutes", async () => {
    const email = `died-${randomUUID()}@example.ch`;
    const accepted = await postIntake(intakeBody(ch, tablet, email), randomUUID());
    const id = accepted.body.intake?.id ?? "";
    await settledIntake(id);
    // Its converter dies now, having made the order but not marked the intake.
    await abandonClaim(id, { evenIfDone: true, justNow: true });
    const settled = await settledIntake(id, 60_000);
    expect(settled?.status).toBe("done");
    const [row] = await sql<{ claimed_by: string }>(
      databaseUrl,
      "SELECT claimed_by FROM checkout_intake WHERE id = $1",
      [id],
    );
    expect(row?.claimed_by).not.toBe("dead-process");
    expect(await ordersFor(email)).toHaveLength(1);
  });

  it("leaves a live converter's claim alone while its conversion outlasts the heartbeat window", async () => {
    const email = `slowconvert-${randomUUID()}@example.ch`;
    const accepted = await postIntake(intakeBody(ch, tablet, email), randomUUID());
    const settled = await settledIntake(accepted.body.intake?.id ?? "");
    expect(settled?.status).toBe("done");
    const [row] = await sql<{ attempts: number }>(
      databaseUrl,
      "SELECT attempts FROM checkout_intake WHERE email = $1",
      [email],
    );
    expect(row?.attempts).toBe(1);
    expect(await ordersFor(email)).toHaveLength(1);
  });
});

describe("the launch queue's stock and pace", () => {
  it("counts a converted order's units once: the units left stay for sale while its intake is marked done", async () => {
    const wanted = sku("monitor", "white");
    const variant = await variantIdBySku(storeClient(), ch, wanted);
    const stock = 5;
    const first = 2;
    const restore = await setStock(admin, wanted, (reserved) => reserved + stock);
    try {
      const email = `stockonce-${randomUUID()}@example.ch`;
      const accepted = await postIntake(intakeBody(ch, variant, email, first), randomUUID());
      expect(accepted.status).toBe(202);
      const id = accepted.body.intake?.id ?? "";
      // The order has reserved its units; its intake (still holding them) is being marked done.
      await expect
        .poll(
          async () =>
            sql(
              databaseUrl,
              `SELECT r.id FROM checkout_intake i
                 JOIN order_item oi ON oi.order_id = 'order_' || substr(i.id, 6)
                 JOIN reservation_item r ON r.line_item_id = oi.item_id AND r.deleted_at IS NULL
                WHERE i.id = $1 AND i.status = 'converting'`,
              [id],
            ),
          { timeout: 60_000, interval: 200 },
        )
        .toHaveLength(1);
      const rest = await postIntake(
        intakeBody(ch, variant, `rest-${randomUUID()}@example.ch`, stock - first),
        randomUUID(),
      );
      expect(rest.body.message).toBeUndefined();
      expect(rest.status).toBe(202);
      const more = await postIntake(
        intakeBody(ch, variant, `more-${randomUUID()}@example.ch`, 1),
        randomUUID(),
      );
      expect(more.status).toBe(400);
      expect(more.body.message).toMatch(/Not enough stock: 0 left/);
      await settledIntake(id);
      await settledIntake(rest.body.intake?.id ?? "");
      const oversold = await sql(
        databaseUrl,
        "SELECT id FROM inventory_level WHERE reserved_quantity > stocked_quantity",
      );
      expect(oversold).toHaveLength(0);
    } finally {
      await restore();
    }
  });

  it("keeps converting while invalid requests pour in: a refused request never pauses the queue", async () => {
    let flooding = true;
    let sent = 0;
    const flood = async () => {
      while (flooding) {
        await fetch(`${backendUrl}/store/checkout-intakes`, {
          method: "POST",
          headers: {
            "content-type": "application/json",
            "x-publishable-api-key": seeded.publishableKey,
          },
          body: "{}",
        });
        sent += 1;
      }
    };
    // Many at once, so that even on a busy machine well over the pause threshold (5 a second)
    // keeps arriving, before and while the shopper's checkout waits for its order.
    const floods = Array.from({ length: 16 }, flood);
    try {
      const started = Date.now();
      await expect
        .poll(() => sent >= 80 && Date.now() - started >= 2_000, { timeout: 60_000 })
        .toBe(true);
      const email = `flooded-${randomUUID()}@example.ch`;
      const accepted = await postIntake(intakeBody(ch, tablet, email), randomUUID());
      expect(accepted.status).toBe(202);
      const settled = await settledIntake(accepted.body.intake?.id ?? "", 45_000);
      expect(settled?.status).toBe("done");
    } finally {
      flooding = false;
      await Promise.all(floods);
    }
  });
});
