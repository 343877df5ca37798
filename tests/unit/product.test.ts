import { describe, expect, it } from "vitest";
import {
  basePriceMinor,
  colourKeys,
  colours,
  currencyCodes,
  fitKeys,
  fits,
  isColourKey,
  isFitKey,
  regionCountries,
  regionKeys,
  regions,
  shippingOptionKeys,
  shippingOptions,
  sku,
  sliderCentreMm,
  toMajorUnits,
  variantBySku,
  variants,
  windowCentreMm,
} from "../../src/product/index.ts";

describe("fits", () => {
  it.each(fitKeys)("%s: the closed slider covers the whole camera window", (key) => {
    const fit = fits[key];
    const closed = sliderCentreMm(fit, 0);
    expect(closed).toBe(windowCentreMm(fit));
    expect(fit.slider.lengthMm).toBeGreaterThanOrEqual(fit.windowDiameterMm);
    expect(fit.slider.widthMm).toBeGreaterThanOrEqual(fit.windowDiameterMm);
  });

  it.each(fitKeys)("%s: the open slider leaves the camera window fully clear", (key) => {
    const fit = fits[key];
    const sliderTrailingEdge = sliderCentreMm(fit, 1) - fit.slider.lengthMm / 2;
    const windowLeadingEdge = windowCentreMm(fit) + fit.windowDiameterMm / 2;
    expect(sliderTrailingEdge).toBeGreaterThanOrEqual(windowLeadingEdge);
  });

  it.each(fitKeys)("%s: the slider stays inside the rail's walls over its whole travel", (key) => {
    const fit = fits[key];
    const innerHalf = fit.rail.lengthMm / 2 - fit.rail.wallMm;
    for (const opening of [0, 0.25, 0.5, 0.75, 1]) {
      const centre = sliderCentreMm(fit, opening);
      expect(centre - fit.slider.lengthMm / 2).toBeGreaterThanOrEqual(-innerHalf - 1e-9);
      expect(centre + fit.slider.lengthMm / 2).toBeLessThanOrEqual(innerHalf + 1e-9);
    }
    expect(fit.slider.widthMm).toBeLessThanOrEqual(fit.rail.widthMm - 2 * fit.rail.wallMm + 1e-9);
    expect(fit.slider.thicknessMm).toBeLessThan(fit.rail.thicknessMm);
  });

  it("clamps an opening outside 0..1 to the rail's ends", () => {
    const fit = fits.laptop;
    expect(sliderCentreMm(fit, -3)).toBe(sliderCentreMm(fit, 0));
    expect(sliderCentreMm(fit, 7)).toBe(sliderCentreMm(fit, 1));
  });

  it("recognises only the defined fits", () => {
    expect(isFitKey("laptop")).toBe(true);
    for (const bad of ["Laptop", "toaster", "", "__proto__", "constructor", 1, null]) {
      expect(isFitKey(bad)).toBe(false);
    }
  });
});

describe("colours", () => {
  it.each(colourKeys)("%s has a valid hex and PBR parameters in range", (key) => {
    const colour = colours[key];
    expect(colour.hex).toMatch(/^#[0-9a-f]{6}$/);
    expect(colour.roughness).toBeGreaterThan(0);
    expect(colour.roughness).toBeLessThanOrEqual(1);
    expect(colour.metalness === 1).toBe(colour.finish === "metallic");
  });

  it("recognises only the defined colours", () => {
    expect(isColourKey("coral")).toBe(true);
    expect(isColourKey("red")).toBe(false);
    expect(isColourKey("hasOwnProperty")).toBe(false);
  });
});

describe("catalogue", () => {
  it("has one variant per fit and colour, each with a unique SKU", () => {
    expect(variants).toHaveLength(fitKeys.length * colourKeys.length);
    expect(new Set(variants.map((v) => v.sku)).size).toBe(variants.length);
  });

  it.each([
    ["laptop", "black", "CAMSLIDE-LAPTOP-BLACK"],
    ["monitor", "space-grey", "CAMSLIDE-MONITOR-SPACE-GREY"],
    ["phone", "sky-blue", "CAMSLIDE-PHONE-SKY-BLUE"],
  ] as const)("names %s / %s %s", (fit, colour, expected) => {
    expect(sku(fit, colour)).toBe(expected);
    expect(variantBySku(expected)).toMatchObject({ fit, colour });
  });

  it("prices every fit in every currency as whole minor units of about 15", () => {
    for (const fit of fitKeys) {
      for (const currency of currencyCodes) {
        const price = basePriceMinor[fit][currency];
        expect(Number.isInteger(price)).toBe(true);
        expect(price).toBeGreaterThanOrEqual(900);
        expect(price).toBeLessThanOrEqual(2500);
      }
    }
  });

  it("converts minor units to Medusa's major units and refuses fractions", () => {
    expect(toMajorUnits(1490, "chf")).toBe(14.9);
    expect(toMajorUnits(0, "eur")).toBe(0);
    expect(() => toMajorUnits(14.9, "usd")).toThrow(/integer/);
  });

  it("ships each variant at a weight above the bare cover", () => {
    for (const variant of variants) {
      expect(variant.shippingWeightG).toBeGreaterThan(fits[variant.fit].weightG);
    }
  });
});

describe("markets", () => {
  it("sells each country in exactly one region", () => {
    const countries = regionKeys.flatMap((key) => regionCountries(key));
    expect(new Set(countries).size).toBe(countries.length);
    expect(countries).toContain("ch");
  });

  it("gives each region a currency the shop prices in and a price for each shipping option", () => {
    for (const key of regionKeys) {
      expect(currencyCodes).toContain(regions[key].currency);
      for (const option of shippingOptionKeys) {
        expect(Number.isInteger(shippingOptions[option].priceMinor[key])).toBe(true);
      }
    }
  });
});
