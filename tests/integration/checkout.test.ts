import { describe, expect, inject, it } from "vitest";
import {
  basePriceMinor,
  currencyCodes,
  regionKeys,
  regions,
  shippingOptions,
  sku,
  variants,
} from "../../src/product/index.ts";
import {
  minor,
  regionId,
  storeClient,
  swissAddress,
  variantIdBySku,
  variantsIn,
} from "../support/store.ts";
import { sql } from "../support/test-database.ts";

const { databaseUrl } = inject("integration");

describe("the seeded catalogue through the store API", () => {
  it.each(regionKeys)("lists every variant with its %s price from the definition", async (key) => {
    const sdk = storeClient();
    const listed = await variantsIn(sdk, await regionId(sdk, key));
    expect(listed).toHaveLength(variants.length);
    const currency = regions[key].currency;
    for (const spec of variants) {
      const variant = listed.find((v) => v.sku === spec.sku);
      expect(variant?.calculated_price?.currency_code).toBe(currency);
      expect(minor(variant?.calculated_price?.calculated_amount)).toBe(spec.priceMinor[currency]);
      expect(variant?.inventory_quantity).toBeGreaterThan(0);
    }
  });

  it("knows all three currencies", () => {
    expect(currencyCodes).toEqual(["chf", "eur", "usd"]);
  });
});

describe("a Swiss checkout with the system payment provider", () => {
  it("places exactly one order with the right SKU, currency, totals and tax", async () => {
    const sdk = storeClient();
    const region = await regionId(sdk, "ch");
    const laptopCoral = sku("laptop", "coral");
    const variantId = await variantIdBySku(sdk, region, laptopCoral);
    const ordersBefore = await sql<{ n: string }>(databaseUrl, 'SELECT count(*) AS n FROM "order"');

    let { cart } = await sdk.store.cart.create({ region_id: region });
    ({ cart } = await sdk.store.cart.createLineItem(cart.id, {
      variant_id: variantId,
      quantity: 2,
    }));
    ({ cart } = await sdk.store.cart.update(cart.id, {
      email: "anna@example.ch",
      shipping_address: swissAddress,
      billing_address: swissAddress,
    }));
    const { shipping_options } = await sdk.store.fulfillment.listCartOptions({ cart_id: cart.id });
    const standard = shipping_options.find((o) => o.name === shippingOptions.standard.name);
    expect(standard, "the standard shipping option is offered in Switzerland").toBeDefined();
    expect(shipping_options.map((o) => o.name).sort()).toEqual(
      [shippingOptions.express.name, shippingOptions.standard.name].sort(),
    );
    ({ cart } = await sdk.store.cart.addShippingMethod(cart.id, { option_id: standard?.id ?? "" }));
    await sdk.store.payment.initiatePaymentSession(cart, { provider_id: "pp_system_default" });
    const completed = await sdk.store.cart.complete(cart.id);
    expect(completed.type).toBe("order");
    if (completed.type !== "order") return;
    const order = completed.order;

    // Expected from the product definition alone: 2 x CHF 14.90 + CHF 3.00, plus 8.1% VAT.
    const itemsMinor = 2 * basePriceMinor.laptop.chf;
    const shippingMinor = shippingOptions.standard.priceMinor.ch;
    const vat = regions.ch.countries.ch.vatPercent / 100;
    const taxMinor = Math.round((itemsMinor + shippingMinor) * vat);
    expect(order.currency_code).toBe("chf");
    expect(minor(order.item_subtotal)).toBe(itemsMinor);
    expect(minor(order.shipping_subtotal)).toBe(shippingMinor);
    expect(minor(order.tax_total)).toBe(taxMinor);
    expect(minor(order.total)).toBe(itemsMinor + shippingMinor + taxMinor);

    const ordersAfter = await sql<{ n: string }>(databaseUrl, 'SELECT count(*) AS n FROM "order"');
    expect(Number(ordersAfter[0]?.n)).toBe(Number(ordersBefore[0]?.n) + 1);
    const rows = await sql<{
      currency_code: string;
      email: string;
      variant_sku: string;
      quantity: string;
    }>(
      databaseUrl,
      `SELECT o.currency_code, o.email, li.variant_sku, oi.quantity
         FROM "order" o
         JOIN order_item oi ON oi.order_id = o.id AND oi.deleted_at IS NULL
         JOIN order_line_item li ON li.id = oi.item_id
        WHERE o.id = $1`,
      [order.id],
    );
    expect(rows).toEqual([
      { currency_code: "chf", email: "anna@example.ch", variant_sku: laptopCoral, quantity: "2" },
    ]);
    const summary = await sql<{ total: string }>(
      databaseUrl,
      "SELECT totals->>'current_order_total' AS total FROM order_summary WHERE order_id = $1",
      [order.id],
    );
    expect(minor(Number(summary[0]?.total))).toBe(itemsMinor + shippingMinor + taxMinor);
  });
});
