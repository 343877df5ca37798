import { randomUUID } from "node:crypto";
import type Medusa from "@medusajs/js-sdk";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { variants as catalogue, orderLimits, sku } from "../../src/product/index.ts";
import { intakeBody, postIntake } from "../support/intake.ts";
import { failure, readyCart, regionId, storeClient, variantIdBySku } from "../support/store.ts";
import { sql } from "../support/test-database.ts";

const { backendUrl, seeded, databaseUrl } = inject("integration");
const perCover = `At most ${orderLimits.quantityPerLine} of one cover per order.`;
const covers = `At most ${orderLimits.lines} different covers per order.`;

let sdk: Medusa;
let ch: string;
let variant: string;
/** One more cover than a checkout may hold, each a different variant. */
let variants: string[];

beforeAll(async () => {
  sdk = storeClient();
  ch = await regionId(sdk, "ch");
  variant = await variantIdBySku(sdk, ch, sku("laptop", "black"));
  variants = await Promise.all(
    catalogue.slice(0, orderLimits.lines + 1).map((v) => variantIdBySku(sdk, ch, v.sku)),
  );
});

async function orders(): Promise<number> {
  const [row] = await sql<{ n: string }>(databaseUrl, `SELECT count(*) AS n FROM "order"`);
  return Number(row?.n);
}

async function lineQuantities(cartId: string): Promise<number[]> {
  const { cart } = await sdk.store.cart.retrieve(cartId);
  return (cart.items ?? []).map((item) => item.quantity);
}

describe("one checkout's limits hold on every path that makes an order", () => {
  it("the launch queue adds up duplicate lines of one cover: ten lines of 50 are refused, and no intake is stored", async () => {
    const key = `limits-${randomUUID()}`;
    const lines = Array.from({ length: 10 }, () => ({
      variant_id: variant,
      quantity: orderLimits.quantityPerLine,
    }));
    const reply = await postIntake(
      { ...intakeBody(ch, variant, "ten.lines@example.ch"), items: lines },
      key,
    );
    expect(reply.status).toBe(400);
    expect(reply.body.message).toContain(perCover);
    const stored = await sql(
      databaseUrl,
      "SELECT 1 FROM checkout_intake WHERE idempotency_key = $1",
      [key],
    );
    expect(stored).toHaveLength(0);

    const quote = await fetch(`${backendUrl}/store/checkout-intakes/quote`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "x-publishable-api-key": seeded.publishableKey,
      },
      body: JSON.stringify({ region_id: ch, items: lines }),
    });
    expect(quote.status).toBe(400);
    expect(((await quote.json()) as { message: string }).message).toContain(perCover);
  });

  it("Medusa's cart refuses a new cart of 60 of one cover, or of two lines of 30 of it", async () => {
    for (const items of [
      [{ variant_id: variant, quantity: 60 }],
      [
        { variant_id: variant, quantity: 30 },
        { variant_id: variant, quantity: 30 },
      ],
    ]) {
      const refused = await failure(sdk.store.cart.create({ region_id: ch, items }));
      expect(refused.status).toBe(400);
      expect(refused.message).toBe(perCover);
    }
  });

  it("Medusa's cart counts what it holds: 30 more of a cover it has 30 of is refused, and the cart keeps its 30", async () => {
    const { cart } = await sdk.store.cart.create({
      region_id: ch,
      items: [{ variant_id: variant, quantity: 30 }],
    });
    const refused = await failure(
      sdk.store.cart.createLineItem(cart.id, { variant_id: variant, quantity: 30 }),
    );
    expect(refused.status).toBe(400);
    expect(refused.message).toBe(perCover);
    expect(await lineQuantities(cart.id)).toEqual([30]);
    // 20 more is within the limit.
    await sdk.store.cart.createLineItem(cart.id, { variant_id: variant, quantity: 20 });
    expect(await lineQuantities(cart.id)).toEqual([50]);
  });

  it("Medusa's cart refuses a line's quantity set past the limit, and keeps the line as it was", async () => {
    const { cart } = await sdk.store.cart.create({
      region_id: ch,
      items: [{ variant_id: variant, quantity: 30 }],
    });
    const lineId = cart.items?.[0]?.id ?? "";
    const refused = await failure(sdk.store.cart.updateLineItem(cart.id, lineId, { quantity: 60 }));
    expect(refused.status).toBe(400);
    expect(refused.message).toBe(perCover);
    expect(await lineQuantities(cart.id)).toEqual([30]);
  });

  it("Medusa's cart refuses one different cover more than a checkout takes", async () => {
    const { cart } = await sdk.store.cart.create({
      region_id: ch,
      items: variants.slice(0, orderLimits.lines).map((id) => ({ variant_id: id, quantity: 1 })),
    });
    const refused = await failure(
      sdk.store.cart.createLineItem(cart.id, { variant_id: variants.at(-1) ?? "", quantity: 1 }),
    );
    expect(refused.status).toBe(400);
    expect(refused.message).toBe(covers);
    expect(await lineQuantities(cart.id)).toHaveLength(orderLimits.lines);
  });

  it("the cart's completion refuses a cart that got past the limit anyway, and makes no order", async () => {
    const cartId = await readyCart(sdk, ch, variant, 30, "two.tabs@example.ch");
    // What a race leaves behind: two changes at once, each checked against the cart before the
    // other landed.
    await sql(databaseUrl, "UPDATE cart_line_item SET quantity = 60 WHERE cart_id = $1", [cartId]);
    expect(await lineQuantities(cartId)).toEqual([60]);
    const before = await orders();
    const refused = await failure(sdk.store.cart.complete(cartId));
    expect(refused.status).toBe(400);
    expect(refused.message).toBe(perCover);
    expect(await orders()).toBe(before);
  });
});
