/**
 * The widget's attributes, parsed. A value the widget does not know falls back to its default
 * with a console warning: a typo in a retailer's snippet must never break their page.
 */
import { type ColourKey, colourKeys, defaultColour } from "../product/colours.ts";
import { defaultFit, type FitKey, fitKeys } from "../product/fits.ts";
import { defaultRegion, type RegionKey, regionKeys } from "../product/markets.ts";
import { type ShopLocale, shopLocales } from "../product/routes.ts";

export const buyModes = ["checkout", "cart"] as const;
export type BuyMode = (typeof buyModes)[number];

export interface WidgetOptions {
  retailer: string;
  fit: FitKey;
  colour: ColourKey;
  locale: ShopLocale;
  region: RegionKey;
  mode: BuyMode;
}

/** The attributes the element observes, with their allowed values and defaults. */
export const attributeRules = {
  fit: { values: fitKeys, fallback: defaultFit },
  colour: { values: colourKeys, fallback: defaultColour },
  locale: { values: shopLocales, fallback: "en" },
  region: { values: regionKeys, fallback: defaultRegion },
  mode: { values: buyModes, fallback: "checkout" },
} as const satisfies Record<string, { values: readonly string[]; fallback: string }>;

export type RuledAttribute = keyof typeof attributeRules;
export const observedAttributes = ["retailer", ...Object.keys(attributeRules)] as const;

/** One attribute's value: the given one when allowed, else the default and a warning. */
export function ruled<K extends RuledAttribute>(
  name: K,
  given: string | null,
  warn: (message: string) => void,
): (typeof attributeRules)[K]["values"][number] {
  const rule = attributeRules[name];
  const value = given?.trim().toLowerCase();
  if (value && (rule.values as readonly string[]).includes(value)) {
    return value as (typeof attributeRules)[K]["values"][number];
  }
  if (given !== null) {
    warn(
      `Camslide: ${name}="${given}" is not one of ${rule.values.join(", ")}; using "${rule.fallback}".`,
    );
  }
  return rule.fallback;
}

export function readOptions(
  get: (name: string) => string | null,
  warn: (message: string) => void,
): WidgetOptions {
  return {
    retailer: (get("retailer") ?? "").trim().toLowerCase(),
    fit: ruled("fit", get("fit"), warn),
    colour: ruled("colour", get("colour"), warn),
    locale: ruled("locale", get("locale"), warn),
    region: ruled("region", get("region"), warn),
    mode: ruled("mode", get("mode"), warn),
  };
}
