import { randomUUID } from "node:crypto";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { LIMITS } from "../../backend/src/lib/rate-limit.ts";
import { backendReady, spawnBackend } from "../../scripts/lib/backend.ts";
import { findFreePort } from "../../scripts/lib/ports.ts";
import { stopProcess } from "../../scripts/lib/processes.ts";
import { sku } from "../../src/product/index.ts";
import { adminClient, setStock } from "../support/admin.ts";
import { requestFrom } from "../support/from-address.ts";
import { intakeBody, postIntake } from "../support/intake.ts";
import { redisCommand, redisForTests, TEST_REDIS_URL } from "../support/redis.ts";
import { regionId, storeClient, variantIdBySku } from "../support/store.ts";
import { sql } from "../support/test-database.ts";

const { medusaEnv, logDir, databaseUrl, backendUrl, seeded } = inject("integration");
const available = await redisForTests();
const servers: Awaited<ReturnType<typeof spawnBackend>>[] = [];
/** The shared test Medusa plus two Medusa processes on Redis: three intake routes, three converters. */
const urls = [backendUrl];

beforeAll(async () => {
  if (!available) return;
  await redisCommand(TEST_REDIS_URL, ["FLUSHDB"]);
  await Promise.all(
    [1, 2].map(async (n) => {
      const port = await findFreePort();
      const env = { ...medusaEnv, PORT: String(port), REDIS_URL: TEST_REDIS_URL };
      const log = join(logDir, `medusa-intake-${n}.log`);
      const server = await spawnBackend(env, log);
      servers.push(server);
      await backendReady(server, env, log, 240_000);
      urls.push(`http://127.0.0.1:${port}`);
    }),
  );
});

afterAll(async () => {
  await Promise.all(servers.map((server) => stopProcess(server)));
  if (available) await redisCommand(TEST_REDIS_URL, ["FLUSHDB"]);
});

async function waitUntilSettled(emails: string[], timeoutMs = 180_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const rows = await sql<{ status: string; n: string }>(
      databaseUrl,
      "SELECT status, count(*) AS n FROM checkout_intake WHERE email = ANY($1) GROUP BY status",
      [emails],
    );
    const open = rows.filter((r) => r.status === "pending" || r.status === "converting");
    if (open.length === 0) return rows;
    if (Date.now() > deadline) throw new Error(`intakes still open: ${JSON.stringify(rows)}`);
    await new Promise((r) => setTimeout(r, 1_000));
  }
}

async function ordersPerEmail(emails: string[]) {
  return sql<{ email: string; n: string }>(
    databaseUrl,
    `SELECT email, count(*) AS n FROM "order" WHERE email = ANY($1) AND deleted_at IS NULL GROUP BY email`,
    [emails],
  );
}

describe.runIf(available)(
  `checkout intakes with three Medusa processes (${TEST_REDIS_URL})`,
  () => {
    it("turns every intake into exactly one order while three processes convert the same queue", async () => {
      const sdk = storeClient();
      const ch = await regionId(sdk, "ch");
      const variant = await variantIdBySku(sdk, ch, sku("laptop", "silver"));
      const emails = Array.from({ length: 36 }, (_, i) => `multi${i}-${randomUUID()}@example.ch`);
      const replies = await Promise.all(
        emails.map((email, i) =>
          postIntake(intakeBody(ch, variant, email), randomUUID(), urls[i % urls.length]),
        ),
      );
      expect(replies.map((r) => r.status)).toEqual(emails.map(() => 202));
      const statuses = await waitUntilSettled(emails);
      expect(statuses).toEqual([{ status: "done", n: String(emails.length) }]);
      const orders = await ordersPerEmail(emails);
      expect(orders).toHaveLength(emails.length);
      expect(orders.every((row) => row.n === "1")).toBe(true);
      const converters = await sql<{ claimed_by: string }>(
        databaseUrl,
        "SELECT DISTINCT claimed_by FROM checkout_intake WHERE email = ANY($1)",
        [emails],
      );
      expect(converters.length).toBeGreaterThanOrEqual(2);
    });

    it("never oversells when intakes race through three processes for the last units", async () => {
      const sdk = storeClient();
      const ch = await regionId(sdk, "ch");
      const wanted = sku("phone", "space-grey");
      const variant = await variantIdBySku(sdk, ch, wanted);
      const admin = await adminClient("intake-scale@example.ch");
      const left = 5;
      const restore = await setStock(admin, wanted, (reserved) => reserved + left);
      try {
        const emails = Array.from(
          { length: 18 },
          (_, i) => `lastmulti${i}-${randomUUID()}@example.ch`,
        );
        const replies = await Promise.all(
          emails.map((email, i) =>
            postIntake(intakeBody(ch, variant, email), randomUUID(), urls[i % urls.length]),
          ),
        );
        expect(replies.filter((r) => r.status === 202)).toHaveLength(left);
        await waitUntilSettled(emails);
        const orders = await ordersPerEmail(emails);
        expect(orders).toHaveLength(left);
        const oversold = await sql(
          databaseUrl,
          "SELECT id FROM inventory_level WHERE reserved_quantity > stocked_quantity",
        );
        expect(oversold).toHaveLength(0);
      } finally {
        // Give the variant its stock back (above what these orders reserved) for other tests.
        await restore();
      }
    });

    it("counts an address's order lookups once across the processes sharing Redis", async () => {
      // The two Redis processes (urls[1], urls[2]); one loopback address as the client.
      const from = "127.0.50.2";
      const ask = (url: string, i: number) =>
        requestFrom(from, `${url}/store/order-status/lookup`, {
          headers: { "x-publishable-api-key": seeded.publishableKey },
          body: { order_number: 3_000_000 + i, email: `spread${i}@example.ch` },
        });
      const answers: number[] = [];
      for (let i = 0; i < LIMITS.lookupPerAddress.points; i++) {
        answers.push((await ask(urls[1 + (i % 2)] ?? "", i)).status);
      }
      expect(answers.every((status) => status === 404)).toBe(true);
      // Each process saw only half of them; the shared count is spent for both.
      expect((await ask(urls[1] ?? "", 98)).status).toBe(429);
      expect((await ask(urls[2] ?? "", 99)).status).toBe(429);
    });
  },
);
