import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { sku } from "../../src/product/index.ts";
import { type AdminClient, adminClient } from "../support/admin.ts";
import { postIntake, settledIntake } from "../support/intake.ts";
import {
  readyCart,
  regionId,
  storeClient,
  swissAddress,
  variantIdBySku,
} from "../support/store.ts";

const { backendUrl, seeded } = inject("integration");
const ACME = "https://shop.acme.example";
const STOREFRONT = "http://localhost:4321";

let admin: AdminClient;
let acmeId = "";

interface Attribution {
  credited: boolean;
  token?: string;
  reason?: string;
}

const BROWSER_UA =
  "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36";

/**
 * What the widget asks, as a browser on `origin` sends it (Origin is the browser's, not ours),
 * with a browser's User-Agent unless `userAgent` names another.
 */
async function attribution(
  retailer: string,
  origin: string,
  parent?: string,
  userAgent = BROWSER_UA,
) {
  const query = new URLSearchParams({ retailer, ...(parent ? { parent } : {}) });
  const response = await fetch(`${backendUrl}/embed/attribution?${query}`, {
    headers: { origin, "user-agent": userAgent },
  });
  return {
    allowOrigin: response.headers.get("access-control-allow-origin"),
    body: (await response.json()) as Attribution,
  };
}

async function attributeCartAnswer(cartId: string, token: string) {
  const response = await fetch(`${backendUrl}/store/embed/cart-attribution`, {
    method: "POST",
    headers: { "x-publishable-api-key": seeded.publishableKey, "content-type": "application/json" },
    body: JSON.stringify({ cart_id: cartId, token }),
  });
  return { status: response.status, body: (await response.json()) as { message?: string } };
}

const attributeCart = async (cartId: string, token: string) =>
  (await attributeCartAnswer(cartId, token)).status;

async function phoneCart(quantity = 2): Promise<string> {
  const sdk = storeClient();
  const region = await regionId(sdk, "ch");
  const variant = await variantIdBySku(sdk, region, sku("phone", "black"));
  return readyCart(sdk, region, variant, quantity, "widget@example.ch");
}

async function completeCart(cartId: string) {
  const done = await storeClient().store.cart.complete(cartId);
  if (done.type !== "order") throw new Error("no order");
  return done.order;
}

async function placeOrder(token: string | undefined, quantity = 2): Promise<string> {
  const cartId = await phoneCart(quantity);
  if (token) expect(await attributeCart(cartId, token)).toBe(200);
  return (await completeCart(cartId)).id;
}

interface Listed {
  retailers: {
    id: string;
    handle: string;
    totals: Record<string, { orders: number; items_net: number; commission: number }>;
    review: {
      tokens_issued: number;
      carts_credited: number;
      orders: number;
      flagged: Record<string, number>;
    };
    orders: { order_id: string; origin: string; commission: number; review: string[] }[];
  }[];
}

async function acme() {
  const { retailers } = await admin.json<Listed>("/admin/retailers");
  const found = retailers.find((r) => r.handle === "acme-it");
  if (!found) throw new Error("acme-it not listed");
  return found;
}

beforeAll(async () => {
  admin = await adminClient("retailers@example.com");
  const { retailer } = await admin.json<{ retailer: { id: string } }>("/admin/retailers", {
    method: "POST",
    body: JSON.stringify({
      handle: "acme-it",
      name: "Acme (integration)",
      allowed_origins: [ACME],
      commission_bps: 1250,
    }),
  });
  acmeId = retailer.id;
});

describe("attribution tokens", () => {
  it("gives a token only to a registered origin of a known retailer", async () => {
    const good = await attribution("acme-it", ACME);
    expect(good.body.credited).toBe(true);
    expect(good.allowOrigin).toBe(ACME);
    expect((await attribution("acme-it", "https://evil.example")).body).toEqual({
      credited: false,
      reason: "unregistered-origin",
    });
    expect((await attribution("nobody", ACME)).body).toEqual({
      credited: false,
      reason: "unknown-retailer",
    });
  });

  it("credits the iframe's registered parent only when the shop's own frame asks", async () => {
    expect((await attribution("acme-it", STOREFRONT, ACME)).body.credited).toBe(true);
    // A retailer page cannot name a parent to borrow another origin.
    expect((await attribution("acme-it", "https://evil.example", ACME)).body.credited).toBe(false);
    expect((await attribution("acme-it", STOREFRONT, "https://evil.example")).body).toMatchObject({
      credited: false,
      reason: "unregistered-origin",
    });
  });

  it("credits one cart per token: another cart is refused and credited nothing, the same cart again changes nothing", async () => {
    const { body } = await attribution("acme-it", ACME);
    const token = body.token ?? "";
    const first = await phoneCart(1);
    const second = await phoneCart(1);
    expect(await attributeCart(first, token)).toBe(200);
    expect(await attributeCart(first, token)).toBe(200);
    const replayed = await attributeCartAnswer(second, token);
    expect(replayed.status).toBe(400);
    expect(replayed.body.message).toMatch(/already credited another cart/);
    const credited = await completeCart(first);
    const uncredited = await completeCart(second);
    const orders = (await acme()).orders.map((o) => o.order_id);
    expect(orders).toContain(credited.id);
    expect(orders).not.toContain(uncredited.id);
  });

  it("lets exactly one of two carts presented at once with one token have it", async () => {
    const { body } = await attribution("acme-it", ACME);
    // One after the other: two guest carts with one email at once race on Medusa's customer.
    const carts = [await phoneCart(1), await phoneCart(1)];
    const statuses = await Promise.all(carts.map((c) => attributeCart(c, body.token ?? "")));
    expect(statuses.sort()).toEqual([200, 400]);
  });

  it("refuses an altered or malformed token with a 400", async () => {
    const { body } = await attribution("acme-it", ACME);
    const token = body.token ?? "";
    const sdk = storeClient();
    const region = await regionId(sdk, "ch");
    const variant = await variantIdBySku(sdk, region, sku("phone", "black"));
    const cartId = await readyCart(sdk, region, variant, 1);
    const forged = token.replace(/\.[A-Za-z0-9_-]{43}$/, `.${"A".repeat(43)}`);
    expect(await attributeCart(cartId, forged)).toBe(400);
    expect(await attributeCart(cartId, "ret_X.Y.element.1.Z")).toBe(400);
  });
});

describe("orders and the commission statement", () => {
  it("credits an order made from an attributed cart, and only that one", async () => {
    const before = await acme();
    const { body } = await attribution("acme-it", ACME);
    const credited = await placeOrder(body.token);
    const uncredited = await placeOrder(undefined);
    const after = await acme();
    expect(after.orders.map((o) => o.order_id)).toContain(credited);
    expect(after.orders.map((o) => o.order_id)).not.toContain(uncredited);
    expect(after.totals.chf?.orders).toBe((before.totals.chf?.orders ?? 0) + 1);
    const line = after.orders.find((o) => o.order_id === credited);
    expect(line?.origin).toBe(ACME);
  });

  it("credits an order placed through the launch queue from an attributed cart", async () => {
    const { body } = await attribution("acme-it", ACME);
    const sdk = storeClient();
    const region = await regionId(sdk, "ch");
    const variant = await variantIdBySku(sdk, region, sku("phone", "black"));
    const { cart } = await sdk.store.cart.create({
      region_id: region,
      items: [{ variant_id: variant, quantity: 1 }],
    });
    expect(await attributeCart(cart.id, body.token ?? "")).toBe(200);
    const accepted = await postIntake(
      {
        cart_id: cart.id,
        email: "queue-widget@example.ch",
        shipping_address: swissAddress,
        shipping: "standard",
      },
      randomUUID(),
    );
    expect(accepted.status).toBe(202);
    const settled = await settledIntake(accepted.body.intake?.id ?? "");
    const line = (await acme()).orders.find((o) => o.order_id === settled?.order_id);
    expect(line?.origin).toBe(ACME);
  });

  it("writes the period's orders with 12.5 % of the items' net, and a total per currency", async () => {
    const { body } = await attribution("acme-it", ACME);
    await placeOrder(body.token, 3);
    const today = new Date().toISOString().slice(0, 10);
    const response = await admin.fetch(
      `/admin/retailers/${acmeId}/statement.csv?from=${today}&to=${today}`,
    );
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/csv");
    const rows = (await response.text()).trim().split("\r\n");
    expect(rows[0]).toBe(
      "order_number,placed_at,status,currency,items_net,returned,return_pending,commission_rate,commission,origin,client,review",
    );
    const orders = rows.slice(1, -1).map((r) => r.split(","));
    expect(orders.length).toBeGreaterThanOrEqual(2);
    for (const [, , , currency, net, returned, pending, rate, commission, origin] of orders) {
      expect(currency).toBe("CHF");
      expect(rate).toBe("12.5%");
      const kept = Number(net) - Number(returned) - Number(pending);
      expect(Number(commission)).toBeCloseTo(Math.round(kept * 12.5) / 100, 2);
      expect(origin).toBe(ACME);
    }
    const total = rows.at(-1)?.split(",") ?? [];
    expect(total[0]).toBe("total");
    const sum = orders.reduce((s, r) => s + Number(r[8]), 0);
    expect(Number(total[8])).toBeCloseTo(sum, 2);

    const empty = await admin.fetch(
      `/admin/retailers/${acmeId}/statement.csv?from=2001-01-01&to=2001-01-31`,
    );
    expect((await empty.text()).trim().split("\r\n")).toHaveLength(1);
  });

  it("counts tokens issued, carts credited and orders, and flags a token issued to no browser", async () => {
    const before = (await acme()).review;
    const browser = await attribution("acme-it", ACME);
    const script = await attribution("acme-it", ACME, undefined, "curl/8.5.0");
    const unused = await attribution("acme-it", ACME);
    expect(unused.body.credited).toBe(true);
    const fromBrowser = await placeOrder(browser.body.token, 1);
    const fromScript = await placeOrder(script.body.token, 1);
    const after = await acme();
    expect(after.review.tokens_issued).toBe(before.tokens_issued + 3);
    expect(after.review.carts_credited).toBe(before.carts_credited + 2);
    expect(after.review.orders).toBe(before.orders + 2);
    expect(after.review.flagged["not-a-browser"]).toBe((before.flagged["not-a-browser"] ?? 0) + 1);
    const flags = (id: string) => after.orders.find((o) => o.order_id === id)?.review;
    expect(flags(fromBrowser)).not.toContain("not-a-browser");
    expect(flags(fromScript)).toContain("not-a-browser");
  });

  it.each([
    ["a missing period", ""],
    ["a date that is no date", "?from=2027-02-30x&to=2027-03-01"],
  ])("refuses %s with a 400", async (_name, query) => {
    const response = await admin.fetch(`/admin/retailers/${acmeId}/statement.csv${query}`);
    expect(response.status).toBe(400);
  });

  it("registers only well-formed origins", async () => {
    const response = await admin.fetch("/admin/retailers", {
      method: "POST",
      body: JSON.stringify({
        handle: "bad-origin",
        name: "Bad",
        allowed_origins: ["https://shop.example/path"],
        commission_bps: 100,
      }),
    });
    expect(response.status).toBe(400);
  });
});

describe("a credited order that comes back", () => {
  async function statementLine(displayId: number) {
    const today = new Date().toISOString().slice(0, 10);
    const response = await admin.fetch(
      `/admin/retailers/${acmeId}/statement.csv?from=${today}&to=${today}`,
    );
    const [header = [], ...rows] = (await response.text())
      .trim()
      .split("\r\n")
      .map((r) => r.split(","));
    const row = rows.find((r) => r[0] === String(displayId));
    if (!row) throw new Error(`order ${displayId} is not on the statement`);
    const column = (name: string) => Number(row[header.indexOf(name)]);
    return {
      net: column("items_net"),
      returned: column("returned"),
      pending: column("return_pending"),
      commission: column("commission"),
    };
  }

  it("earns nothing on units asked back (pending) or received back, and keeps its items' net", async () => {
    const { body } = await attribution("acme-it", ACME);
    const cartId = await phoneCart(2);
    expect(await attributeCart(cartId, body.token ?? "")).toBe(200);
    const order = await completeCart(cartId);
    const placed = await statementLine(order.display_id ?? 0);
    expect(placed.net).toBeGreaterThan(0);
    expect(placed.commission).toBeCloseTo(Math.round(placed.net * 12.5) / 100, 2);

    // Shipped the way the maker ships (the 3PL export, then its tracking file), then returned
    // from the buyer's signed order page: every shipped unit asked back.
    const exported = await admin.fetch("/admin/ops/exports", { method: "POST", body: "{}" });
    expect(exported.status).toBe(200);
    await exported.text();
    const today = new Date().toISOString().slice(0, 10);
    await admin.json("/admin/ops/tracking", {
      method: "POST",
      headers: { "content-type": "text/plain" },
      body: `order_number,carrier,tracking_number,shipped_date\n${order.display_id},Swiss Post,RR${order.display_id},${today}\n`,
    });
    const store = (path: string, payload: unknown) =>
      fetch(`${backendUrl}${path}`, {
        method: "POST",
        headers: {
          "x-publishable-api-key": seeded.publishableKey,
          "content-type": "application/json",
        },
        body: JSON.stringify(payload),
      }).then(async (r) => ({ status: r.status, json: (await r.json()) as { token?: string } }));
    const link = await store("/store/order-status/token", { order_id: order.id, cart_id: cartId });
    expect((await store("/store/order-status/return", { token: link.json.token })).status).toBe(
      200,
    );
    const asked = await statementLine(order.display_id ?? 0);
    expect(asked.commission).toBe(0);
    expect(asked).toMatchObject({ net: placed.net, returned: 0, pending: placed.net });

    // The maker receives one of the two units back in Medusa's admin.
    const { order: withReturns } = await admin.json<{
      order: { returns: { id: string; items: { item_id: string; quantity: number }[] }[] };
    }>(`/admin/orders/${order.id}?fields=id,*returns,*returns.items`);
    const [ret] = withReturns.returns;
    const item = ret?.items[0];
    if (!ret || !item) throw new Error("no return recorded");
    const post = (path: string, payload: unknown) =>
      admin.json(path, { method: "POST", body: JSON.stringify(payload) });
    // The order page's return names the stock location the order shipped from, where Medusa
    // receives it.
    await post(`/admin/returns/${ret.id}/receive`, {});
    await post(`/admin/returns/${ret.id}/receive-items`, {
      items: [{ id: item.item_id, quantity: 1 }],
    });
    await post(`/admin/returns/${ret.id}/receive/confirm`, {});
    const received = await statementLine(order.display_id ?? 0);
    expect(received.net).toBeCloseTo(placed.net, 2);
    expect(received.returned).toBeCloseTo(placed.net / 2, 2);
    expect(received.pending).toBeCloseTo(placed.net / 2, 2);
    expect(received.commission).toBe(0);
    const line = (await acme()).orders.find((o) => o.order_id === order.id);
    expect(line?.commission).toBe(0);
  });
});

describe("the widget's offer", () => {
  it("prices every variant from Medusa, readable from any origin", async () => {
    const response = await fetch(`${backendUrl}/embed/offer?region=eu`, {
      headers: { origin: "https://anyone.example" },
    });
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    const offer = (await response.json()) as {
      currency_code: string;
      variants: { sku: string; amount: number }[];
    };
    expect(offer.currency_code).toBe("eur");
    expect(offer.variants.find((v) => v.sku === sku("laptop", "black"))?.amount).toBe(14.9);
  });
});
