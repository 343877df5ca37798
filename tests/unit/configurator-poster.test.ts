import { describe, expect, it } from "vitest";
import { OG_HEIGHT, OG_WIDTH, ogImagePath, ogImageSvg } from "../../src/configurator/ogImage.ts";
import { posterSvg, posterTitle } from "../../src/configurator/poster.ts";
import {
  coverDescription,
  coverPath,
  coverTitle,
  productJsonLd,
} from "../../src/configurator/productJsonLd.ts";
import { locales } from "../../src/i18n/index.ts";
import { parseSelection } from "../../src/lib/selection.ts";
import { colourKeys, colours, fitKeys, fits, sku } from "../../src/product/index.ts";

const cases = fitKeys.flatMap((fit) => colourKeys.map((colour) => [fit, colour] as const));

describe("the poster", () => {
  it.each(cases)("for %s in %s is a titled SVG in the colour's hex", (fit, colour) => {
    const svg = posterSvg(fit, colour);
    expect(svg.startsWith("<svg")).toBe(true);
    expect(svg).toContain(`<title>${posterTitle(fit, colour)}</title>`);
    expect(svg).toContain(colours[colour].hex);
    expect(svg).not.toContain("NaN");
  });

  it.each(fitKeys)("draws the %s slider where the definition puts it", (fit) => {
    const closed = posterSvg(fit, "black", { opening: 0 });
    const open = posterSvg(fit, "black", { opening: 1 });
    expect(open).not.toEqual(closed);
    expect(posterTitle(fit, "black", 1)).toMatch(/camera open/);
    expect(posterTitle(fit, "black", 0)).toMatch(/camera covered/);
  });

  it("keeps the stage's 4:3 aspect in its viewBox, with and without the device", () => {
    for (const device of [false, true]) {
      const match = /viewBox="([^"]+)"/.exec(posterSvg("monitor", "coral", { device }));
      const [, , w, h] = (match?.[1] ?? "").split(" ").map(Number);
      expect((w ?? 0) / (h ?? 1)).toBeCloseTo(4 / 3, 3);
    }
  });
});

describe("the Product JSON-LD of a cover page", () => {
  it.each(cases)("names the %s / %s SKU, poster and list prices", (fit, colour) => {
    const data = productJsonLd(fit, colour, new URL("https://camslide.example"));
    expect(data.sku).toBe(sku(fit, colour));
    expect(data.image).toEqual([
      `https://camslide.example/og/${fit}-${colour}.png`,
      `https://camslide.example/posters/${fit}-${colour}.svg`,
    ]);
    expect(data.name).toContain(fits[fit].name);
    expect(data.offers.map((o) => o.priceCurrency)).toEqual(["CHF", "EUR", "USD"]);
    for (const offer of data.offers) {
      expect(offer.price).toMatch(/^\d+\.\d{2}$/);
      // Orders ship in dated batches: pre-orders, said so.
      expect(offer.availability).toBe("https://schema.org/PreOrder");
    }
  });

  it("is written in the page's language, with its numbers", () => {
    const site = new URL("https://camslide.example");
    const fr = productJsonLd("phone", "coral", site, "fr");
    expect(fr.url).toBe("https://camslide.example/fr/caches/phone-coral/");
    expect(fr.name).toBe(coverTitle("phone", "coral", "fr"));
    expect(fr.name).toContain("Corail");
    expect(fr.description).toContain("0,6 mm");
    expect(coverDescription("phone", "coral", "de")).toContain("0,6 mm");
    expect(coverDescription("phone", "coral", "en")).toContain("0.6 mm");
    expect(new Set(locales.map((l) => coverPath("phone", "coral", l))).size).toBe(3);
  });
});

describe("the Open Graph image", () => {
  it.each(cases)("for %s / %s is 1200 x 630 with the poster inside", (fit, colour) => {
    const svg = ogImageSvg(fit, colour);
    expect(svg).toContain(`width="${OG_WIDTH}" height="${OG_HEIGHT}"`);
    expect(svg).toContain(colours[colour].hex);
    // The nested poster is scaled to the frame's height, centred.
    expect(svg).toMatch(/<svg x="\d+" y="0" width="840" height="630" /);
    expect(ogImagePath(fit, colour)).toBe(`/og/${fit}-${colour}.png`);
  });
});

describe("a configuration read from the URL", () => {
  it.each([
    ["?fit=phone&colour=sky-blue&open=1", { fit: "phone", colour: "sky-blue", opening: 1 }, []],
    ["?fit=toaster&colour=coral", { fit: "laptop", colour: "coral", opening: 0 }, ["fit"]],
    ["?colour=plaid&open=2", { fit: "laptop", colour: "black", opening: 0 }, ["colour", "open"]],
    ["?open=abc", { fit: "laptop", colour: "black", opening: 0 }, ["open"]],
  ])("%s gives a valid selection", (search, selection, rejected) => {
    expect(parseSelection(search)).toEqual({ selection, rejected });
  });
});
