import { describe, expect, it } from "vitest";
import { translator } from "../../src/i18n/index.ts";
import { describeError } from "../../src/lib/errors.ts";
import { readHandoff } from "../../src/lib/handoff.ts";
import { orderLimits } from "../../src/product/index.ts";

const link = (query: string) => new URLSearchParams(query);

describe("a retailer's hand-off link", () => {
  it("reads what the widget asks for", () => {
    expect(readHandoff(link("region=eu&sku=CS-PHONE-WHT&quantity=2&mode=cart"))).toEqual({
      region: "eu",
      sku: "CS-PHONE-WHT",
      quantity: 2,
      token: null,
      checkout: false,
    });
  });

  it("refuses a quantity past one checkout's limit up front, in the shopper's language", () => {
    const ask = () => readHandoff(link("region=eu&sku=CS-PHONE-WHT&quantity=500&locale=fr"));
    expect(ask).toThrow(`At most ${orderLimits.quantityPerLine} of one cover per order.`);
    let reason: unknown;
    try {
      ask();
    } catch (error) {
      reason = error;
    }
    expect(describeError(reason, translator("fr"))).toBe(
      "Au plus 50 caches identiques par commande.",
    );
    expect(describeError(reason, translator("de"))).toBe(
      "Höchstens 50 gleiche Abdeckungen pro Bestellung.",
    );
  });

  it.each([
    "region=eu&sku=S&quantity=0",
    "region=eu&sku=S&quantity=1.5",
    "region=eu&sku=S&quantity=x",
    "region=mars&sku=S&quantity=1",
  ])("refuses %s", (query) => {
    expect(() => readHandoff(link(query))).toThrow(/bad hand-off/);
  });

  it("takes exactly the limit", () => {
    const quantity = orderLimits.quantityPerLine;
    expect(readHandoff(link(`region=ch&sku=S&quantity=${quantity}`)).quantity).toBe(quantity);
  });
});
