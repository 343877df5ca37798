import { describe, expect, it } from "vitest";
import { guessRegion } from "../../src/lib/region.ts";

describe("guessing the shopper's region from the browser's languages", () => {
  it.each([
    [["de-CH", "de"], "ch"],
    [["fr-CH"], "ch"],
    [["en-LI"], "ch"],
    [["fr-FR", "fr"], "eu"],
    [["de-AT"], "eu"],
    [["de"], "eu"],
    [["en-US", "en"], "world"],
    [["en-GB"], "world"],
    [["ja-JP"], "world"],
    [["en"], "ch"],
    [[], "ch"],
    [["x-klingon"], "ch"],
  ] as const)("%j -> %s", (languages, region) => {
    expect(guessRegion(languages)).toBe(region);
  });
});
