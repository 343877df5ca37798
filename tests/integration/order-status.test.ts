import { beforeAll, describe, expect, inject, it } from "vitest";
import { sku } from "../../src/product/index.ts";
import { adminClient } from "../support/admin.ts";
import { minor, readyCart, regionId, storeClient, variantIdBySku } from "../support/store.ts";

const { backendUrl, seeded } = inject("integration");

async function store(path: string, body?: unknown) {
  const response = await fetch(`${backendUrl}${path}`, {
    method: body === undefined ? "GET" : "POST",
    headers: { "x-publishable-api-key": seeded.publishableKey, "content-type": "application/json" },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

let adminToken = "";
async function admin(path: string) {
  const response = await fetch(`${backendUrl}${path}`, {
    headers: { authorization: `Bearer ${adminToken}` },
  });
  return (await response.json()) as Record<string, unknown>;
}

async function allocated(): Promise<number> {
  const { batches } = (await admin("/admin/production/batches")) as {
    batches: { allocated_units: number }[];
  };
  return batches.reduce((sum, b) => sum + b.allocated_units, 0);
}

interface Placed {
  orderId: string;
  cartId: string;
  displayId: number;
  email: string;
}

async function placeOrder(email: string, quantity = 2): Promise<Placed> {
  const sdk = storeClient();
  const region = await regionId(sdk, "ch");
  const variant = await variantIdBySku(sdk, region, sku("laptop", "black"));
  const cartId = await readyCart(sdk, region, variant, quantity, email);
  const done = await sdk.store.cart.complete(cartId);
  if (done.type !== "order") throw new Error("no order");
  return { orderId: done.order.id, cartId, displayId: done.order.display_id ?? 0, email };
}

let placed: Placed;
let token = "";

beforeAll(async () => {
  adminToken = (await adminClient("status-ops@example.ch")).token;
  placed = await placeOrder("anna.status@example.ch");
});

describe("the buyer's order status, by signed link", () => {
  it("gives the link only to the browser that holds the order's cart", async () => {
    const other = await placeOrder("someone.else@example.ch", 1);
    const wrong = await store("/store/order-status/token", {
      order_id: placed.orderId,
      cart_id: other.cartId,
    });
    expect(wrong.status).toBe(404);
    const right = await store("/store/order-status/token", {
      order_id: placed.orderId,
      cart_id: placed.cartId,
    });
    expect(right.status).toBe(200);
    token = String(right.json.token);
  });

  it("shows the order, its batch and that it can be cancelled", async () => {
    const { status, json } = await store(`/store/order-status?token=${encodeURIComponent(token)}`);
    expect(status).toBe(200);
    expect(json.state).toBe("placed");
    expect(json.can_cancel).toBe(true);
    expect((json.order as { display_id: number }).display_id).toBe(placed.displayId);
    expect((json.batch as { number: number } | null)?.number).toBeGreaterThan(0);
  });

  it.each([
    ["an order id alone", (_: string) => placed.orderId],
    [
      "a tampered signature",
      (t: string) => `${t.slice(0, -10)}${t.at(-10) === "A" ? "B" : "A"}${t.slice(-9)}`,
    ],
    [
      "another order's id with this signature",
      (t: string) => t.replace(/^order_[0-9A-Z]{26}/, "order_01AAAAAAAAAAAAAAAAAAAAAAAA"),
    ],
    ["nothing", (_: string) => ""],
  ])("reveals nothing for %s", async (_, forge) => {
    const { status, json } = await store(
      `/store/order-status?token=${encodeURIComponent(forge(token))}`,
    );
    expect(status).toBe(404);
    expect(JSON.stringify(json)).not.toContain(placed.email);
  });

  it("answers nobody at Medusa's own order-by-id route", async () => {
    const { status, json } = await store(`/store/orders/${placed.orderId}`);
    expect(status).toBe(404);
    expect(JSON.stringify(json)).not.toContain(placed.email);
  });

  it("finds the order by number and email, and by nothing less", async () => {
    const wrong = await store("/store/order-status/lookup", {
      order_number: placed.displayId,
      email: "guess@example.ch",
    });
    expect(wrong.status).toBe(404);
    const right = await store("/store/order-status/lookup", {
      order_number: String(placed.displayId),
      email: placed.email.toUpperCase(),
    });
    expect(right.status).toBe(200);
    const viaLookup = await store(
      `/store/order-status?token=${encodeURIComponent(String(right.json.token))}`,
    );
    expect((viaLookup.json.order as { id: string }).id).toBe(placed.orderId);
  });

  it("cancels in one click, refunds through Medusa, gives the batch its units back, and only once", async () => {
    const before = await allocated();
    const [first, second] = await Promise.all([
      store("/store/order-status/cancel", { token }),
      store("/store/order-status/cancel", { token }),
    ]);
    expect([first.status, second.status].sort()).toContain(200);
    const third = await store("/store/order-status/cancel", { token });
    expect(third.status).toBe(200);
    expect(third.json.state).toBe("canceled");
    expect(third.json.can_cancel).toBe(false);
    expect(await allocated()).toBe(before - 2);
    const { order } = (await admin(
      `/admin/orders/${placed.orderId}?fields=status,payment_status`,
    )) as {
      order: { status: string; payment_status: string };
    };
    expect(order.status).toBe("canceled");
    expect(order.payment_status).toBe("canceled");
  });

  it("stops a guesser after 20 wrong attempts from one address", async () => {
    const answers: number[] = [];
    for (let i = 0; i < 22; i++) {
      answers.push(
        (
          await store("/store/order-status/lookup", {
            order_number: 2_000_000 + i,
            email: `x${i}@example.ch`,
          })
        ).status,
      );
    }
    // Earlier lookups of this run from 127.0.0.1 count too: the first is answered, the last not.
    expect(answers[0]).toBe(404);
    expect(answers.slice(-1)[0]).toBe(429);
    const right = await store("/store/order-status/lookup", {
      order_number: placed.displayId,
      email: placed.email,
    });
    expect(right.status).toBe(429);
  });
});

describe("a paid order the buyer cancels", () => {
  it("is refunded exactly its items, shipping and tax: the order's total", async () => {
    const paid = await placeOrder("paula.refund@example.ch", 1);
    const headers = { authorization: `Bearer ${adminToken}`, "content-type": "application/json" };
    const fields =
      "total,item_subtotal,shipping_subtotal,tax_total,payment_status,*items,*payment_collections.payments,*payment_collections.payments.refunds";
    interface PaidOrder {
      total: number;
      item_subtotal: number;
      shipping_subtotal: number;
      tax_total: number;
      payment_status: string;
      items: { unit_price: number; quantity: number }[];
      payment_collections: {
        payments: { id: string; amount: number; refunds: { amount: number }[] | null }[];
      }[];
    }
    const read = async () =>
      (await admin(`/admin/orders/${paid.orderId}?fields=${fields}`)) as {
        order: PaidOrder;
      };
    // Charged at checkout, as the shop's Stripe setup does (capture: true).
    const { order: placedOrder } = await read();
    for (const payment of placedOrder.payment_collections.flatMap((c) => c.payments)) {
      const captured = await fetch(`${backendUrl}/admin/payments/${payment.id}/capture`, {
        method: "POST",
        headers,
        body: "{}",
      });
      expect(captured.status).toBe(200);
    }
    const link = await store("/store/order-status/token", {
      order_id: paid.orderId,
      cart_id: paid.cartId,
    });
    const cancel = await store("/store/order-status/cancel", { token: link.json.token });
    expect(cancel.status).toBe(200);

    const { order } = await read();
    expect(order.payment_status).toBe("refunded");
    const refunded = order.payment_collections
      .flatMap((c) => c.payments)
      .flatMap((p) => p.refunds ?? [])
      .reduce((sum, r) => sum + minor(r.amount), 0);
    // What was charged, as placed (a cancelled order's total reads 0 afterwards).
    const items = placedOrder.items.reduce((sum, i) => sum + i.unit_price * i.quantity, 0);
    expect(minor(placedOrder.item_subtotal)).toBe(minor(items));
    expect(minor(placedOrder.shipping_subtotal)).toBeGreaterThan(0);
    // Swiss VAT of 8.1% on the goods and on the shipping.
    expect(placedOrder.tax_total).toBeCloseTo(
      (placedOrder.item_subtotal + placedOrder.shipping_subtotal) * 0.081,
      6,
    );
    expect(refunded).toBe(
      minor(placedOrder.item_subtotal + placedOrder.shipping_subtotal + placedOrder.tax_total),
    );
    expect(refunded).toBe(minor(placedOrder.total));
  });
});
