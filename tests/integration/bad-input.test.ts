import type Medusa from "@medusajs/js-sdk";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { openingStockPerVariant, sku } from "../../src/product/index.ts";
import { type AdminClient, adminClient } from "../support/admin.ts";
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

/** What no route can store: PostgreSQL refuses both (in text, or in jsonb). */
const unreadable = [
  ["a NUL", "Zü\u0000rich"],
  ["a lone surrogate", "Z\ud800rich"],
] as const;

interface Call {
  method: "GET" | "POST";
  /** The path, with the bad text (URL-encoded) where a case puts it. */
  path: string;
  body?: unknown;
  text?: string;
  admin?: boolean;
}

/** `base` with `value` at the dotted `field` (array indexes as numbers). */
function withField(base: Record<string, unknown>, field: string, value: string) {
  const copy = structuredClone(base);
  const keys = field.split(".");
  let at: Record<string, unknown> = copy;
  for (const [index, key] of keys.slice(0, -1).entries()) {
    at[key] ??= /^\d+$/.test(keys[index + 1] ?? "") ? [] : {};
    at = at[key] as Record<string, unknown>;
  }
  at[keys.at(-1) ?? ""] = value;
  return copy;
}

/** Everything a refused request must leave as it was: rows made, rows changed. */
async function footprint() {
  const [row] = await sql<Record<string, string | null>>(
    databaseUrl,
    `SELECT (SELECT count(*) FROM cart) AS carts,
            (SELECT max(updated_at)::text FROM cart) AS carts_changed,
            (SELECT count(*) FROM cart_line_item) AS line_items,
            (SELECT max(updated_at)::text FROM cart_line_item) AS line_items_changed,
            (SELECT count(*) FROM cart_address) AS addresses,
            (SELECT count(*) FROM checkout_intake) AS intakes,
            (SELECT count(*) FROM "order") AS orders,
            (SELECT count(*) FROM "return") AS returns,
            (SELECT count(*) FROM retailer) AS retailers,
            (SELECT max(updated_at)::text FROM retailer) AS retailers_changed,
            (SELECT max(updated_at)::text FROM production_batch) AS batches_changed,
            (SELECT count(*) FROM retailer_attribution) AS attributions`,
  );
  return row;
}

describe("text that is not text (a NUL, a lone surrogate) gets a 400 naming the field on every route, and changes nothing", () => {
  let admin: AdminClient;
  let cartId: string;
  let lineId: string;
  let retailerId: string;
  let batchId: string;

  beforeAll(async () => {
    admin = await adminClient("bad-text@example.com");
    const { cart } = await sdk.store.cart.create({
      region_id: chRegion,
      items: [{ variant_id: variantId, quantity: 1 }],
    });
    cartId = cart.id;
    lineId = cart.items?.[0]?.id ?? "";
    ({
      retailer: { id: retailerId },
    } = await admin.json<{ retailer: { id: string } }>("/admin/retailers", {
      method: "POST",
      body: JSON.stringify({
        handle: "bad-text-shop",
        name: "Bad Text Shop",
        allowed_origins: ["https://bad-text.example"],
        commission_bps: 500,
      }),
    }));
    const { batches } = await admin.json<{ batches: { id: string }[] }>(
      "/admin/production/batches",
    );
    batchId = batches[0]?.id ?? "";
  });

  const intake = {
    region_id: "reg_x",
    email: "buyer@example.ch",
    locale: "de",
    items: [{ variant_id: "variant_x", quantity: 1 }],
    shipping_address: {
      ...swissAddress,
      company: "Muster AG",
      address_2: "2. Stock",
      province: "ZH",
    },
    shipping: "standard",
  };
  const cartAddress = { ...swissAddress, company: "Muster AG", address_2: "2. Stock" };

  /** [route, the fields it takes as text, how to call it with one of them bad]. */
  const bodyRoutes: [
    string,
    string[],
    (bad: (base: Record<string, unknown>) => unknown) => Call,
  ][] = [
    [
      "POST /store/checkout-intakes",
      [
        "email",
        "locale",
        "region_id",
        "items.0.variant_id",
        "shipping_address.first_name",
        "shipping_address.last_name",
        "shipping_address.company",
        "shipping_address.address_1",
        "shipping_address.address_2",
        "shipping_address.postal_code",
        "shipping_address.city",
        "shipping_address.province",
        "shipping_address.country_code",
        "shipping_address.phone",
        "shipping",
      ],
      (bad) => ({ method: "POST", path: "/store/checkout-intakes", body: bad(intake) }),
    ],
    [
      "POST /store/checkout-intakes (from a cart)",
      ["cart_id"],
      (bad) => ({
        method: "POST",
        path: "/store/checkout-intakes",
        body: bad({
          cart_id: "cart_x",
          email: "a@example.ch",
          shipping_address: swissAddress,
          shipping: "standard",
        }),
      }),
    ],
    [
      "POST /store/checkout-intakes/quote",
      ["region_id", "items.0.variant_id", "shipping_address.country_code", "shipping_address.city"],
      (bad) => ({
        method: "POST",
        path: "/store/checkout-intakes/quote",
        body: bad({
          region_id: "reg_x",
          items: intake.items,
          shipping_address: { country_code: "ch" },
        }),
      }),
    ],
    [
      "POST /store/order-status/cancel",
      ["token"],
      (bad) => ({ method: "POST", path: "/store/order-status/cancel", body: bad({ token: "t" }) }),
    ],
    [
      "POST /store/order-status/lookup",
      ["order_number", "email"],
      (bad) => ({
        method: "POST",
        path: "/store/order-status/lookup",
        body: bad({ order_number: "1", email: "a@example.ch" }),
      }),
    ],
    [
      "POST /store/order-status/return",
      ["token", "note"],
      (bad) => ({
        method: "POST",
        path: "/store/order-status/return",
        body: bad({ token: "t", note: "Too small" }),
      }),
    ],
    [
      "POST /store/order-status/token",
      ["order_id", "cart_id"],
      (bad) => ({
        method: "POST",
        path: "/store/order-status/token",
        body: bad({ order_id: "order_x", cart_id: "cart_x" }),
      }),
    ],
    [
      "POST /store/embed/cart-attribution",
      ["cart_id", "token"],
      (bad) => ({
        method: "POST",
        path: "/store/embed/cart-attribution",
        body: bad({ cart_id: cartId, token: "t" }),
      }),
    ],
    [
      "POST /store/carts (Medusa's)",
      ["region_id", "email", "items.0.variant_id", "shipping_address.city", "promo_codes.0"],
      (bad) => ({
        method: "POST",
        path: "/store/carts",
        body: bad({ region_id: chRegion, email: "a@example.ch", shipping_address: swissAddress }),
      }),
    ],
    [
      "POST /store/carts/:id (Medusa's)",
      [
        "email",
        "shipping_address.first_name",
        "shipping_address.last_name",
        "shipping_address.company",
        "shipping_address.address_1",
        "shipping_address.address_2",
        "shipping_address.city",
        "shipping_address.postal_code",
        "shipping_address.phone",
        "shipping_address.country_code",
        "billing_address.address_1",
        "promo_codes.0",
        "metadata.locale",
      ],
      (bad) => ({
        method: "POST",
        path: `/store/carts/${cartId}`,
        body: bad({
          email: "a@example.ch",
          shipping_address: cartAddress,
          billing_address: { ...cartAddress },
        }),
      }),
    ],
    [
      "POST /store/carts/:id/line-items (Medusa's)",
      ["variant_id", "metadata.note"],
      (bad) => ({
        method: "POST",
        path: `/store/carts/${cartId}/line-items`,
        body: bad({ variant_id: variantId, quantity: 1 }),
      }),
    ],
    [
      "POST /store/carts/:id/line-items/:line_id (Medusa's)",
      ["metadata.note"],
      (bad) => ({
        method: "POST",
        path: `/store/carts/${cartId}/line-items/${lineId}`,
        body: bad({ quantity: 2 }),
      }),
    ],
    [
      "POST /store/carts/:id/shipping-methods (Medusa's)",
      ["option_id"],
      (bad) => ({
        method: "POST",
        path: `/store/carts/${cartId}/shipping-methods`,
        body: bad({ option_id: "so_x" }),
      }),
    ],
    [
      "POST /store/carts/:id/promotions (Medusa's)",
      ["promo_codes.0"],
      (bad) => ({
        method: "POST",
        path: `/store/carts/${cartId}/promotions`,
        body: bad({ promo_codes: ["WELCOME10"] }),
      }),
    ],
    [
      "POST /admin/retailers",
      ["handle", "name", "allowed_origins.0"],
      (bad) => ({
        method: "POST",
        path: "/admin/retailers",
        admin: true,
        body: bad({
          handle: "another-shop",
          name: "Another",
          allowed_origins: ["https://another.example"],
          commission_bps: 100,
        }),
      }),
    ],
    [
      "POST /admin/retailers/:id",
      ["name", "allowed_origins.0"],
      (bad) => ({
        method: "POST",
        path: `/admin/retailers/${retailerId}`,
        admin: true,
        body: bad({ name: "Renamed", allowed_origins: ["https://bad-text.example"] }),
      }),
    ],
    [
      "POST /admin/production/batches/:id",
      ["ships_by", "state"],
      (bad) => ({
        method: "POST",
        path: `/admin/production/batches/${batchId}`,
        admin: true,
        body: bad({ ships_by: "2027-03-01", state: "open" }),
      }),
    ],
    [
      "POST /auth/user/emailpass (Medusa's)",
      ["email", "password"],
      (bad) => ({
        method: "POST",
        path: "/auth/user/emailpass",
        body: bad({ email: "a@example.ch", password: "secret" }),
      }),
    ],
  ];

  const nul = encodeURIComponent("\u0000");
  /** Query parameters and path segments: a URL carries UTF-8, so only a NUL gets through. */
  const urlRoutes: [string, string, () => Call][] = [
    [
      "GET /store/checkout-intakes/:id",
      "query parameter token",
      () => ({ method: "GET", path: `/store/checkout-intakes/cint_x?token=${nul}` }),
    ],
    [
      "GET /store/checkout-intakes/:id",
      `path segment "cint_${nul}"`,
      () => ({ method: "GET", path: `/store/checkout-intakes/cint_${nul}` }),
    ],
    [
      "GET /store/order-status",
      "query parameter token",
      () => ({ method: "GET", path: `/store/order-status?token=${nul}` }),
    ],
    [
      "GET /store/production/promise",
      "query parameter units",
      () => ({ method: "GET", path: `/store/production/promise?units=1${nul}` }),
    ],
    [
      "GET /store/production/orders/:id",
      `path segment "order_${nul}"`,
      () => ({ method: "GET", path: `/store/production/orders/order_${nul}` }),
    ],
    [
      "GET /store/products (Medusa's)",
      "query parameter q",
      () => ({ method: "GET", path: `/store/products?q=cover${nul}` }),
    ],
    [
      "GET /store/carts/:id (Medusa's)",
      `path segment "cart_${nul}"`,
      () => ({ method: "GET", path: `/store/carts/cart_${nul}` }),
    ],
    [
      "GET /embed/attribution",
      "query parameter retailer",
      () => ({ method: "GET", path: `/embed/attribution?retailer=a${nul}` }),
    ],
    [
      "GET /embed/attribution",
      "query parameter parent",
      () => ({
        method: "GET",
        path: `/embed/attribution?retailer=a&parent=https://a.example${nul}`,
      }),
    ],
    [
      "GET /embed/offer",
      "query parameter region",
      () => ({ method: "GET", path: `/embed/offer?region=ch${nul}` }),
    ],
    [
      "GET /embed/retailers/:handle",
      `path segment "acme${nul}"`,
      () => ({ method: "GET", path: `/embed/retailers/acme${nul}` }),
    ],
    [
      "GET /admin/retailers/:id/statement.csv",
      "query parameter from",
      () => ({
        method: "GET",
        admin: true,
        path: `/admin/retailers/${retailerId}/statement.csv?from=2027-01-01${nul}&to=2027-01-31`,
      }),
    ],
    [
      "POST /admin/retailers/:id",
      `path segment "ret_${nul}"`,
      () => ({
        method: "POST",
        admin: true,
        path: `/admin/retailers/ret_${nul}`,
        body: { name: "x" },
      }),
    ],
    [
      "POST /admin/production/batches/:id",
      `path segment "batch_${nul}"`,
      () => ({
        method: "POST",
        admin: true,
        path: `/admin/production/batches/batch_${nul}`,
        body: { state: "open" },
      }),
    ],
    [
      "POST /admin/ops/tracking",
      "query parameter first_line",
      () => ({
        method: "POST",
        admin: true,
        path: `/admin/ops/tracking?first_line=2${nul}`,
        text: "order_number,carrier,tracking_number,shipped_date\n",
      }),
    ],
    [
      "POST /admin/ops/tracking (text/plain)",
      "body line 2",
      () => ({
        method: "POST",
        admin: true,
        path: "/admin/ops/tracking",
        text: "order_number,carrier,tracking_number,shipped_date\n999999,DHL,JD\u00000001,2027-03-02\n",
      }),
    ],
  ];

  async function send(call: Call) {
    const response = await fetch(`${inject("integration").backendUrl}${call.path}`, {
      method: call.method,
      headers: {
        "x-publishable-api-key": inject("integration").seeded.publishableKey,
        "idempotency-key": `bad-text-${Math.random()}`,
        ...(call.admin ? { authorization: `Bearer ${admin.token}` } : {}),
        ...(call.text !== undefined
          ? { "content-type": "text/plain" }
          : call.body !== undefined
            ? { "content-type": "application/json" }
            : {}),
      },
      // JSON.stringify writes a lone surrogate as the escape "\ud800", as a client would send it.
      ...(call.text !== undefined
        ? { body: call.text }
        : call.body !== undefined
          ? { body: JSON.stringify(call.body) }
          : {}),
    });
    return {
      status: response.status,
      message: ((await response.json()) as { message?: string }).message ?? "",
    };
  }

  const bodyCases = bodyRoutes.flatMap(([route, fields, call]) =>
    fields.flatMap((field) =>
      unreadable.map(
        ([what, value]) =>
          [route, field, what, () => call((base) => withField(base, field, value))] as const,
      ),
    ),
  );

  it.each(bodyCases)("%s refuses %s with %s", async (_, field, __, call) => {
    const before = await footprint();
    const refused = await send(call());
    expect(refused.status).toBe(400);
    expect(refused.message.startsWith(`${field}: `), refused.message).toBe(true);
    expect(await footprint()).toEqual(before);
  });

  it.each(urlRoutes)("%s refuses a NUL in its %s", async (_, field, call) => {
    const before = await footprint();
    const refused = await send(call());
    expect(refused.status).toBe(400);
    expect(refused.message.startsWith(`${field}: `), refused.message).toBe(true);
    expect(await footprint()).toEqual(before);
  });
});
