import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { intakeAccessToken } from "../../backend/src/lib/order-links.ts";
import { LIMITS, TOO_MANY_ATTEMPTS } from "../../backend/src/lib/rate-limit.ts";
import { sku } from "../../src/product/index.ts";
import { adminClient } from "../support/admin.ts";
import { type Answer, requestFrom } from "../support/from-address.ts";
import { intakeBody, postIntake } from "../support/intake.ts";
import { readyCart, regionId, storeClient, variantIdBySku } from "../support/store.ts";

const { backendUrl, seeded, medusaEnv } = inject("integration");

/**
 * Each test speaks from loopback addresses of its own (127.0.<block>.x), so that its counts
 * start at zero whatever the other files of the run asked from 127.0.0.1.
 */
function addresses(block: number, count: number): string[] {
  return Array.from({ length: count }, (_, i) => `127.0.${block}.${i + 2}`);
}

function store(from: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  return requestFrom(from, `${backendUrl}${path}`, {
    headers: { "x-publishable-api-key": seeded.publishableKey, ...headers },
    ...(body === undefined ? {} : { body }),
  });
}

function lookup(from: string, orderNumber: number, email: string, headers = {}) {
  return store(from, "/store/order-status/lookup", { order_number: orderNumber, email }, headers);
}

function expectRefused(answer: Answer) {
  expect(answer.status).toBe(429);
  expect(answer.json.message).toBe(TOO_MANY_ATTEMPTS);
  expect(Number(answer.retryAfter)).toBeGreaterThan(0);
}

/** A made-up address per request, as the attack that found a buyer's order sent it. */
function forgedForwardedFor(i: number) {
  return { "x-forwarded-for": `203.0.${Math.floor(i / 250)}.${(i % 250) + 1}` };
}

interface Placed {
  orderId: string;
  cartId: string;
  displayId: number;
  email: string;
}

async function placeOrder(email: string): Promise<Placed> {
  const sdk = storeClient();
  const region = await regionId(sdk, "ch");
  const variant = await variantIdBySku(sdk, region, sku("laptop", "silver"));
  const cartId = await readyCart(sdk, region, variant, 1, email);
  const done = await sdk.store.cart.complete(cartId);
  if (done.type !== "order") throw new Error("no order");
  return { orderId: done.order.id, cartId, displayId: done.order.display_id ?? 0, email };
}

/** An order number no order has: far above any this run makes. */
const unknownNumber = (i: number) => 1_000_000 + i;
const fakeId = (prefix: string) =>
  `${prefix}_01${randomUUID().replaceAll("-", "").slice(0, 24).toUpperCase()}`;

let byEmail: Placed;
let byNumber: Placed;
let forToken: Placed;

beforeAll(async () => {
  byEmail = await placeOrder("limit.email@example.ch");
  byNumber = await placeOrder("limit.number@example.ch");
  forToken = await placeOrder("limit.token@example.ch");
});

describe("order lookup by number and email", () => {
  it("refuses an address past its limit however X-Forwarded-For changes, the right pair too", async () => {
    const [from = ""] = addresses(10, 1);
    for (let i = 0; i < LIMITS.lookupPerAddress.points; i++) {
      const answer = await lookup(
        from,
        unknownNumber(i),
        `guess${i}@example.ch`,
        forgedForwardedFor(i),
      );
      expect(answer.status).toBe(404);
    }
    expectRefused(
      await lookup(from, unknownNumber(99), "guess99@example.ch", forgedForwardedFor(99)),
    );
    expectRefused(
      await lookup(from, byEmail.displayId + 0, "nobody@example.ch", forgedForwardedFor(100)),
    );
  });

  it("gives one email only its few tries, however many addresses ask", async () => {
    const many = addresses(11, LIMITS.lookupPerEmail.points + 1);
    for (let i = 0; i < LIMITS.lookupPerEmail.points; i++) {
      expect((await lookup(many[i] ?? "", unknownNumber(200 + i), byEmail.email)).status).toBe(404);
    }
    // A fresh address with the right number: the email is spent.
    expectRefused(await lookup(many.at(-1) ?? "", byEmail.displayId, byEmail.email));
  });

  it("gives one order number only its few tries, however many addresses ask", async () => {
    const many = addresses(12, LIMITS.lookupPerOrderNumber.points + 1);
    for (let i = 0; i < LIMITS.lookupPerOrderNumber.points; i++) {
      const answer = await lookup(many[i] ?? "", byNumber.displayId, `other${i}@example.ch`);
      expect(answer.status).toBe(404);
    }
    expectRefused(await lookup(many.at(-1) ?? "", byNumber.displayId, byNumber.email));
  });

  it("still finds a buyer's order at the first try from an address of their own", async () => {
    const [from = ""] = addresses(13, 1);
    const answer = await lookup(from, forToken.displayId, forToken.email);
    expect(answer.status).toBe(200);
    expect(typeof answer.json.token).toBe("string");
  });
});

describe("the status link for the order just placed", () => {
  it("refuses an address after its wrong pairs are spent, and then the right pair too", async () => {
    const [from = ""] = addresses(20, 1);
    for (let i = 0; i < LIMITS.orderTokenPerAddress.points; i++) {
      const answer = await store(from, "/store/order-status/token", {
        order_id: fakeId("order"),
        cart_id: fakeId("cart"),
      });
      expect(answer.status).toBe(404);
    }
    expectRefused(
      await store(from, "/store/order-status/token", {
        order_id: forToken.orderId,
        cart_id: forToken.cartId,
      }),
    );
  });

  it("refuses an order's link to every address once its wrong pairs are spent", async () => {
    const placed = await placeOrder("limit.token2@example.ch");
    const many = addresses(21, LIMITS.orderTokenPerOrder.points + 2);
    for (let i = 0; i < LIMITS.orderTokenPerOrder.points; i++) {
      const answer = await store(many[i] ?? "", "/store/order-status/token", {
        order_id: placed.orderId,
        cart_id: fakeId("cart"),
      });
      expect(answer.status).toBe(404);
    }
    expectRefused(
      await store(many.at(-2) ?? "", "/store/order-status/token", {
        order_id: placed.orderId,
        cart_id: fakeId("cart"),
      }),
    );
    expectRefused(
      await store(many.at(-1) ?? "", "/store/order-status/token", {
        order_id: placed.orderId,
        cart_id: placed.cartId,
      }),
    );
  });

  it("refuses an address's wrong signed links past the limit", async () => {
    const [from = ""] = addresses(22, 1);
    for (let i = 0; i < LIMITS.orderLinkPerAddress.points; i++) {
      const answer = await store(
        from,
        `/store/order-status?token=${fakeId("order")}.x`,
        undefined,
        forgedForwardedFor(i),
      );
      expect(answer.status).toBe(404);
    }
    expectRefused(await store(from, `/store/order-status?token=${fakeId("order")}.x`));
  });
});

describe("checkout status by intake token", () => {
  it("refuses wrong tokens past the address's and the intake's limits, never the right token", async () => {
    const sdk = storeClient();
    const ch = await regionId(sdk, "ch");
    const variant = await variantIdBySku(sdk, ch, sku("tablet", "black"));
    const accepted = await postIntake(
      intakeBody(ch, variant, "limit.intake@example.ch"),
      randomUUID(),
    );
    const id = accepted.body.intake?.id ?? "";
    expect(id).toMatch(/^cint_/);
    const many = addresses(30, LIMITS.intakePerIntake.points + 2);
    for (let i = 0; i < LIMITS.intakePerIntake.points; i++) {
      expect(
        (await store(many[i] ?? "", `/store/checkout-intakes/${id}?token=wrong${i}`)).status,
      ).toBe(404);
    }
    expectRefused(await store(many.at(-2) ?? "", `/store/checkout-intakes/${id}?token=wrong`));
    const right = intakeAccessToken(id, medusaEnv.COOKIE_SECRET ?? "");
    const granted = await store(
      many.at(-1) ?? "",
      `/store/checkout-intakes/${id}?token=${encodeURIComponent(right)}`,
    );
    expect(granted.status).toBe(200);

    const [from = ""] = addresses(31, 1);
    for (let i = 0; i < LIMITS.intakePerAddress.points; i++) {
      expect((await store(from, `/store/checkout-intakes/${fakeId("cint")}?token=x`)).status).toBe(
        404,
      );
    }
    expectRefused(await store(from, `/store/checkout-intakes/${fakeId("cint")}?token=x`));
  });
});

describe("attribution tokens", () => {
  it("stops issuing to one address past its limit, with a 429 the widget reads as not credited", async () => {
    const admin = await adminClient("limits-retailers@example.com");
    const origin = "https://limits.retailer.example";
    const handle = `limits-${randomUUID().slice(0, 8)}`;
    await admin.json("/admin/retailers", {
      method: "POST",
      body: JSON.stringify({
        handle,
        name: "Limits",
        allowed_origins: [origin],
        commission_bps: 500,
      }),
    });
    const [from = ""] = addresses(40, 1);
    const ask = () =>
      requestFrom(from, `${backendUrl}/embed/attribution?retailer=${handle}`, {
        headers: { origin },
      });
    for (let i = 0; i < LIMITS.attributionPerAddress.points; i++) {
      expect((await ask()).json.credited).toBe(true);
    }
    const refused = await ask();
    expect(refused.status).toBe(429);
    expect(Number(refused.retryAfter)).toBeGreaterThan(0);
    expect(refused.json).toEqual({
      credited: false,
      reason: "rate-limited",
      message: TOO_MANY_ATTEMPTS,
    });
  });
});
