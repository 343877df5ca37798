/**
 * After the 3PL has an order it can no longer be cancelled; once shipped, the buyer asks for a
 * return from the signed order page, within the return window, and Medusa records one return.
 */
import { beforeAll, describe, expect, inject, it } from "vitest";
import { policy, sku } from "../../src/product/index.ts";
import { type AdminClient, adminClient } from "../support/admin.ts";
import { readyCart, regionId, storeClient, variantIdBySku } from "../support/store.ts";

const { backendUrl, seeded } = inject("integration");

async function store(path: string, body?: unknown) {
  const response = await fetch(`${backendUrl}${path}`, {
    method: body === undefined ? "GET" : "POST",
    headers: { "x-publishable-api-key": seeded.publishableKey, "content-type": "application/json" },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

interface Placed {
  orderId: string;
  displayId: number;
  token: string;
}

let admin: AdminClient;

async function placeOrder(email: string, quantity: number): Promise<Placed> {
  const sdk = storeClient();
  const region = await regionId(sdk, "ch");
  const variant = await variantIdBySku(sdk, region, sku("tablet", "coral"));
  const cartId = await readyCart(sdk, region, variant, quantity, email);
  const done = await sdk.store.cart.complete(cartId);
  if (done.type !== "order") throw new Error("no order");
  const link = await store("/store/order-status/token", {
    order_id: done.order.id,
    cart_id: cartId,
  });
  return {
    orderId: done.order.id,
    displayId: done.order.display_id ?? 0,
    token: String(link.json.token),
  };
}

async function exportAll() {
  const response = await admin.fetch("/admin/ops/exports", { method: "POST", body: "{}" });
  expect(response.status).toBe(200);
  await response.text();
}

async function ship(order: Placed, shippedDate: string) {
  const report = await admin.json<{ shipped: unknown[]; rejected: unknown[] }>(
    "/admin/ops/tracking",
    {
      method: "POST",
      headers: { "content-type": "text/plain" },
      body: `order_number,carrier,tracking_number,shipped_date\n${order.displayId},Swiss Post,RR${order.displayId},${shippedDate}\n`,
    },
  );
  expect(report.shipped).toHaveLength(1);
}

async function returnsOf(order: Placed) {
  const { order: found } = await admin.json<{
    order: { returns: { id: string; status: string; items: { quantity: number }[] }[] };
  }>(`/admin/orders/${order.orderId}?fields=id,*returns,*returns.items`);
  return found.returns ?? [];
}

const statusOf = async (order: Placed) =>
  (await store(`/store/order-status?token=${encodeURIComponent(order.token)}`)).json;

let recent: Placed;
let old: Placed;

beforeAll(async () => {
  admin = await adminClient("returns-ops@example.ch");
  recent = await placeOrder("rita.returns@example.ch", 2);
  old = await placeOrder("otto.returns@example.ch", 1);
});

describe("after the order reaches the 3PL", () => {
  it("cannot be cancelled any more, and says a return comes once it ships", async () => {
    await exportAll();
    const status = await statusOf(recent);
    expect(status).toMatchObject({ exported: true, can_cancel: false, can_return: false });
    const cancel = await store("/store/order-status/cancel", { token: recent.token });
    expect(cancel.status).toBe(409);
    expect(String(cancel.json.message)).toMatch(/already handed to the warehouse/);
    const early = await store("/store/order-status/return", { token: recent.token });
    expect(early.status).toBe(400);
    expect(String(early.json.message)).toMatch(/not shipped yet/);
    expect(await returnsOf(recent)).toEqual([]);
  });
});

describe("a return request from the order page", () => {
  it("records one Medusa return of every shipped unit, however often it is asked", async () => {
    const today = new Date().toISOString().slice(0, 10);
    await ship(recent, today);
    const before = await statusOf(recent);
    expect(before).toMatchObject({ state: "shipped", can_return: true, return_requested: false });
    const deadline = new Date(`${today}T00:00:00Z`);
    deadline.setUTCDate(deadline.getUTCDate() + policy.returnWindowDays);
    expect(before.return_by).toBe(deadline.toISOString().slice(0, 10));

    const answers = await Promise.all([
      store("/store/order-status/return", { token: recent.token, note: "Wrong fit" }),
      store("/store/order-status/return", { token: recent.token, note: "Wrong fit" }),
    ]);
    expect(answers.map((a) => a.status)).toEqual([200, 200]);
    expect(answers[0]?.json).toMatchObject({ return_requested: true, can_return: false });
    const again = await store("/store/order-status/return", { token: recent.token });
    expect(again.status).toBe(200);
    const returns = await returnsOf(recent);
    expect(returns).toHaveLength(1);
    expect(returns[0]?.status).toBe("requested");
    expect(returns[0]?.items.reduce((sum, i) => sum + i.quantity, 0)).toBe(2);
  });

  it("is refused after the return window, with the date it closed", async () => {
    await ship(old, "2020-01-02");
    const status = await statusOf(old);
    expect(status).toMatchObject({ state: "shipped", can_return: false });
    const refused = await store("/store/order-status/return", { token: old.token });
    expect(refused.status).toBe(400);
    expect(String(refused.json.message)).toMatch(/closed on 2020-0[12]-\d\d/);
    expect(await returnsOf(old)).toEqual([]);
  });

  it.each([
    ["a forged token", { token: "x.y" }, 404],
    ["a note that is not text", { note: 42 }, 400],
    ["a note of 501 characters", { note: "n".repeat(501) }, 400],
  ])("refuses %s and records nothing", async (_name, body, status) => {
    const response = await store("/store/order-status/return", { token: old.token, ...body });
    expect(response.status).toBe(status);
    expect(await returnsOf(old)).toEqual([]);
  });

  it("is the only way: Medusa's own POST /store/returns by order id answers nobody", async () => {
    const response = await store("/store/returns", {
      order_id: old.orderId,
      items: [],
      return_shipping: { option_id: "so_x" },
    });
    expect(response.status).toBe(400);
    expect(await returnsOf(old)).toEqual([]);
  });
});
