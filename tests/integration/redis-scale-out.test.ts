import { readFile } from "node:fs/promises";
import { join } from "node:path";
import Medusa from "@medusajs/js-sdk";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { backendReady, spawnBackend } from "../../scripts/lib/backend.ts";
import { findFreePort } from "../../scripts/lib/ports.ts";
import { stopProcess } from "../../scripts/lib/processes.ts";
import { shippingOptions, sku } from "../../src/product/index.ts";
import { redisCommand, redisForTests, TEST_REDIS_URL } from "../support/redis.ts";
import { minor } from "../support/store.ts";
import { sql } from "../support/test-database.ts";

const { medusaEnv, logDir, seeded, databaseUrl } = inject("integration");
// Every machine this project runs on (developers' and CI's) has Redis on 127.0.0.1:6379; a
// laptop without one skips this file rather than failing, and says so in the test name; CI
// (CI=true) fails instead (support/redis, redisTestsRun).
const available = await redisForTests();

let server: Awaited<ReturnType<typeof spawnBackend>> | undefined;
let baseUrl = "";
const logFile = join(logDir, "medusa-redis.log");

beforeAll(async () => {
  if (!available) return;
  await redisCommand(TEST_REDIS_URL, ["FLUSHDB"]);
  const port = await findFreePort();
  const env = { ...medusaEnv, PORT: String(port), REDIS_URL: TEST_REDIS_URL };
  server = await spawnBackend(env, logFile);
  await backendReady(server, env, logFile);
  baseUrl = `http://127.0.0.1:${port}`;
});

afterAll(async () => {
  if (server) await stopProcess(server);
  if (available) await redisCommand(TEST_REDIS_URL, ["FLUSHDB"]);
});

describe.runIf(available)(`with REDIS_URL (${TEST_REDIS_URL})`, () => {
  it("boots Medusa on Redis's event bus, workflow engine, locking and cache", async () => {
    const log = await readFile(logFile, "utf8");
    expect(log).not.toContain("Local Event Bus installed");
    expect(log).not.toContain('Locking module: Using "in-memory"');
    expect(log).not.toContain("A fake redis instance will be used");
  });

  it("takes an order, keeping its state in Redis", async () => {
    const sdk = new Medusa({ baseUrl, publishableKey: seeded.publishableKey });
    const { regions } = await sdk.store.region.list({ name: "Switzerland" });
    const region = regions[0]?.id ?? "";
    const { products } = await sdk.store.product.list({ handle: "camslide", region_id: region });
    const variant = products[0]?.variants?.find((v) => v.sku === sku("tablet", "silver"));
    let { cart } = await sdk.store.cart.create({
      region_id: region,
      email: "redis@example.ch",
      items: [{ variant_id: variant?.id ?? "", quantity: 1 }],
      shipping_address: {
        country_code: "ch",
        address_1: "Seestrasse 2",
        city: "Bern",
        postal_code: "3000",
        first_name: "R",
        last_name: "Edis",
      },
    });
    const { shipping_options } = await sdk.store.fulfillment.listCartOptions({ cart_id: cart.id });
    const express = shipping_options.find((o) => o.name === shippingOptions.express.name);
    ({ cart } = await sdk.store.cart.addShippingMethod(cart.id, { option_id: express?.id ?? "" }));
    await sdk.store.payment.initiatePaymentSession(cart, { provider_id: "pp_system_default" });
    const completed = await sdk.store.cart.complete(cart.id);
    expect(completed.type).toBe("order");
    if (completed.type !== "order") return;
    expect(minor(completed.order.shipping_subtotal)).toBe(shippingOptions.express.priceMinor.ch);
    const rows = await sql(databaseUrl, 'SELECT id FROM "order" WHERE id = $1', [
      completed.order.id,
    ]);
    expect(rows).toHaveLength(1);
    const keys = Number((await redisCommand(TEST_REDIS_URL, ["DBSIZE"])).replace(":", ""));
    expect(keys).toBeGreaterThan(0);
  });
});
