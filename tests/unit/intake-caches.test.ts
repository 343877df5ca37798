import { describe, expect, it } from "vitest";
import {
  PRICE_CACHE_MAX,
  priceCacheSize,
  pricedVariants,
} from "../../backend/src/lib/intake-catalogue.ts";
import {
  QUOTE_READS_MAX,
  quoteReadsSize,
  sharedRead,
} from "../../backend/src/lib/intake-quote-reads.ts";

/** Medusa's query as it answers for a variant id nobody sells. */
const knowsNoVariant = {
  resolve: () => ({ graph: async () => ({ data: [] }) }),
} as unknown as Parameters<typeof pricedVariants>[0];

const region = {
  id: "reg_1",
  currency_code: "chf",
  countries: new Set(["ch"]),
  payment_providers: new Set<string>(),
};

describe("caches keyed by what a client sends", () => {
  it("keep at most PRICE_CACHE_MAX variant prices, however many unknown variant ids are asked", async () => {
    for (let i = 0; i < PRICE_CACHE_MAX + 1_500; i++) {
      await expect(
        pricedVariants(knowsNoVariant, region, "sc_1", [`variant_unknown_${i}`]),
      ).rejects.toThrow(/not sold/);
    }
    expect(priceCacheSize()).toBe(PRICE_CACHE_MAX);
  });

  it("keep at most QUOTE_READS_MAX shared quote reads, however many distinct baskets are quoted", async () => {
    for (let i = 0; i < QUOTE_READS_MAX + 500; i++) {
      await sharedRead(`variants:reg_1:variant_unknown_${i}`, async () => []);
    }
    expect(quoteReadsSize()).toBe(QUOTE_READS_MAX);
  });
});
