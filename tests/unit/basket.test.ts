import { describe, expect, it } from "vitest";
import { type Basket, parseBasket, withLine } from "../../src/lib/cart.ts";
import { orderLimits } from "../../src/product/index.ts";

const ch = { region: "ch" as const, region_id: "reg_ch" };
const line = (variant_id: string, quantity: number) => ({
  variant_id,
  sku: `sku-${variant_id}`,
  quantity,
});

describe("the browser's basket", () => {
  it("adds covers, adding up a cover already in it", () => {
    let basket = withLine(null, ch, line("a", 2));
    basket = withLine(basket, ch, line("b", 1));
    basket = withLine(basket, ch, line("a", 3));
    expect(basket).toEqual({ ...ch, lines: [line("a", 5), line("b", 1)] });
  });

  it("follows the shopper to another region with the same covers", () => {
    const basket = withLine(
      withLine(null, ch, line("a", 1)),
      { region: "eu", region_id: "reg_eu" },
      line("b", 1),
    );
    expect(basket.region).toBe("eu");
    expect(basket.region_id).toBe("reg_eu");
    expect(basket.lines.map((l) => l.variant_id)).toEqual(["a", "b"]);
  });

  it("refuses what the shop would refuse: too many of one cover, too many covers, odd quantities", () => {
    const full = withLine(null, ch, line("a", orderLimits.quantityPerLine));
    expect(() => withLine(full, ch, line("a", 1))).toThrow(/At most 50 of one cover/);
    let wide: Basket | null = null;
    for (let i = 0; i < orderLimits.lines; i++) wide = withLine(wide, ch, line(`v${i}`, 1));
    expect(() => withLine(wide, ch, line("one-more", 1))).toThrow(/At most 10 different covers/);
    for (const quantity of [0, -1, 1.5, Number.NaN]) {
      expect(() => withLine(null, ch, line("a", quantity))).toThrow(/whole number/);
    }
    // A refused addition leaves the basket as it was.
    expect(full.lines).toEqual([line("a", orderLimits.quantityPerLine)]);
  });

  it("reads back what it stored, and nothing else", () => {
    const basket = withLine(null, ch, line("a", 2));
    expect(parseBasket(JSON.stringify(basket))).toEqual(basket);
    for (const stored of [
      null,
      "",
      "{",
      "[]",
      JSON.stringify({ ...basket, region: "mars" }),
      JSON.stringify({ ...basket, region_id: 7 }),
      JSON.stringify({ ...basket, lines: [] }),
      JSON.stringify({ ...basket, lines: [{ ...line("a", 2), quantity: "2" }] }),
      JSON.stringify({ ...basket, lines: [line("a", orderLimits.quantityPerLine + 1)] }),
    ]) {
      expect(parseBasket(stored), String(stored)).toBeNull();
    }
  });
});
