import { describe, expect, it } from "vitest";
import { translator } from "../../src/i18n/index.ts";
import { describeError } from "../../src/lib/errors.ts";
import {
  orderLimitInMessage,
  orderLimitMessage,
  orderLimitProblem,
  orderLimits,
} from "../../src/product/index.ts";

const line = (variant_id: string, quantity: number) => ({ variant_id, quantity });

describe("one checkout's limits (orderLimitProblem)", () => {
  it("adds up the lines of one cover: ten lines of 50 are 500 of it", () => {
    const lines = Array.from({ length: 10 }, () => line("v", 50));
    expect(orderLimitProblem(lines)).toEqual({
      kind: "perCover",
      max: orderLimits.quantityPerLine,
      variant_id: "v",
      quantity: 500,
    });
  });

  it.each([
    ["one cover at the limit", [line("a", orderLimits.quantityPerLine)], undefined],
    ["two lines of one cover that add up to the limit", [line("a", 25), line("a", 25)], undefined],
    ["two lines of one cover that add up past it", [line("a", 25), line("a", 26)], "perCover"],
    ["one line past it", [line("a", orderLimits.quantityPerLine + 1)], "perCover"],
    [
      "as many different covers as allowed",
      Array.from({ length: orderLimits.lines }, (_, i) => line(`v${i}`, 1)),
      undefined,
    ],
    [
      "one different cover more",
      Array.from({ length: orderLimits.lines + 1 }, (_, i) => line(`v${i}`, 1)),
      "covers",
    ],
  ])("%s", (_, lines, kind) => {
    expect(orderLimitProblem(lines)?.kind).toBe(kind);
  });

  it("says the same thing on every path, and the storefront recognises it to translate it", () => {
    const perCover = orderLimitMessage({ kind: "perCover", max: orderLimits.quantityPerLine });
    const covers = orderLimitMessage({ kind: "covers", max: orderLimits.lines });
    expect(perCover).toBe("At most 50 of one cover per order.");
    expect(covers).toBe("At most 10 different covers per order.");
    expect(translator("en")("error.limitPerCover", { max: 50 })).toBe(perCover);
    expect(translator("en")("error.limitCovers", { max: 10 })).toBe(covers);
    expect(orderLimitInMessage(`items.0.quantity: ${perCover}`)?.kind).toBe("perCover");
    expect(orderLimitInMessage(`This cart cannot go through the launch queue: ${covers}`)).toEqual({
      kind: "covers",
      max: 10,
    });
    expect(orderLimitInMessage("Email is invalid")).toBeUndefined();
  });

  it.each([
    ["en", "At most 50 of one cover per order."],
    ["fr", "Au plus 50 caches identiques par commande."],
    ["de", "Höchstens 50 gleiche Abdeckungen pro Bestellung."],
  ] as const)("shows the shop's refusal to a shopper in %s as %s", (locale, expected) => {
    const refusal = { status: 400, message: "At most 50 of one cover per order." };
    expect(describeError(refusal, translator(locale))).toBe(expected);
  });
});
