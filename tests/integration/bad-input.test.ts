import type Medusa from "@medusajs/js-sdk";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { openingStockPerVariant, sku } from "../../src/product/index.ts";
import { failure, regionId, storeClient, swissAddress, variantIdBySku } from "../support/store.ts";
import { sql } from "../support/test-database.ts";

const { databaseUrl } = inject("integration");

async function counts() {
  const [row] = await sql<{ orders: string; reservations: string; line_items: string }>(
    databaseUrl,
    `SELECT (SELECT count(*) FROM "order") AS orders,
            (SELECT count(*) FROM reservation_item WHERE deleted_at IS NULL) AS reservations,
            (SELECT count(*) FROM cart_line_item WHERE deleted_at IS NULL) AS line_items`,
  );
  return row;
}

let sdk: Medusa;
let chRegion: string;
let euRegion: string;
let variantId: string;

beforeAll(async () => {
  sdk = storeClient();
  chRegion = await regionId(sdk, "ch");
  euRegion = await regionId(sdk, "eu");
  variantId = await variantIdBySku(sdk, chRegion, sku("phone", "white"));
});

async function emptyCart(region = chRegion) {
  return (await sdk.store.cart.create({ region_id: region })).cart;
}

describe("the store API refuses bad cart input with a 4xx and a message, leaving nothing behind", () => {
  it.each([
    ["an unknown variant id", { variant_id: "variant_01NOTAREALVARIANT000000000", quantity: 1 }],
    ["a quantity of 0", { quantity: 0 }],
    ["a quantity of -1", { quantity: -1 }],
    ["a fractional quantity of 1.5", { quantity: 1.5 }],
    ["a quantity given as a string", { quantity: "3" }],
    [`a quantity of 10,000 (stock is ${openingStockPerVariant})`, { quantity: 10_000 }],
  ])("refuses %s", async (_, body) => {
    const cart = await emptyCart();
    const before = await counts();
    const refused = await failure(
      sdk.store.cart.createLineItem(cart.id, {
        variant_id: variantId,
        ...(body as { quantity: number; variant_id?: string }),
      }),
    );
    expect(refused.status).toBeGreaterThanOrEqual(400);
    expect(refused.status).toBeLessThan(500);
    expect(refused.message).not.toBe("");
    expect(await counts()).toEqual(before);
    const { cart: after } = await sdk.store.cart.retrieve(cart.id);
    expect(after.items ?? []).toHaveLength(0);
  });

  it("refuses a shipping address without a country", async () => {
    const cart = await emptyCart();
    const { country_code: _, ...withoutCountry } = swissAddress;
    const refused = await failure(
      sdk.store.cart.update(cart.id, { shipping_address: withoutCountry }),
    );
    expect(refused.status).toBe(400);
    expect(refused.message).toMatch(/country/i);
  });

  it("refuses a Swiss address on a cart of the Europe region", async () => {
    const cart = await emptyCart(euRegion);
    const refused = await failure(
      sdk.store.cart.update(cart.id, { shipping_address: swissAddress }),
    );
    expect(refused.status).toBe(400);
    expect(refused.message).toMatch(/country/i);
  });

  it("refuses a currency that is not the region's", async () => {
    const before = await counts();
    const refused = await failure(
      sdk.store.cart.create({ region_id: chRegion, currency_code: "eur" } as never),
    );
    expect(refused.status).toBe(400);
    expect(refused.message).toMatch(/currency/i);
    expect(await counts()).toEqual(before);
  });

  it("refuses to complete a cart that has no shipping method, and makes no order", async () => {
    const cart = await emptyCart();
    await sdk.store.cart.createLineItem(cart.id, { variant_id: variantId, quantity: 1 });
    await sdk.store.cart.update(cart.id, { email: "x@example.ch", shipping_address: swissAddress });
    const before = await counts();
    const refused = await failure(sdk.store.cart.complete(cart.id));
    expect(refused.status).toBeGreaterThanOrEqual(400);
    expect(refused.status).toBeLessThan(500);
    const after = await counts();
    expect(after?.orders).toBe(before?.orders);
    expect(after?.reservations).toBe(before?.reservations);
  });
});
