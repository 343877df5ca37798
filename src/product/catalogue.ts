/**
 * The sellable catalogue derived from the fits and colours: one variant per fit x colour, with
 * its SKU, prices, parcel and opening stock. Prices are in minor units (CHF 14.90 is 1490).
 */
import { type ColourKey, colourKeys, colours } from "./colours.ts";
import { type FitKey, fitKeys, fits } from "./fits.ts";
import type { CurrencyCode } from "./markets.ts";

export const product = {
  handle: "camslide",
  title: "Camslide webcam cover",
  subtitle: "A slim magnetic slider for the camera of your laptop, phone, tablet or monitor.",
  description:
    "A thin rail sticks beside your camera; a magnetic slider glides over the lens when you want privacy and away when you don't.",
  /** The option titles in Medusa; the storefront finds variants by these. */
  optionTitles: { fit: "Fit", colour: "Colour" },
} as const;

/** Price per fit in each currency, minor units. */
export const basePriceMinor = {
  laptop: { chf: 1490, eur: 1490, usd: 1590 },
  phone: { chf: 1290, eur: 1290, usd: 1390 },
  tablet: { chf: 1390, eur: 1390, usd: 1490 },
  monitor: { chf: 1690, eur: 1690, usd: 1790 },
} as const satisfies Record<FitKey, Record<CurrencyCode, number>>;

/** What ships: the cover on a backing card in a paper envelope. */
export const parcel = { lengthMm: 110, widthMm: 75, heightMm: 4, packagingWeightG: 6 } as const;

/** Units each variant starts with at the stock location when the shop is first seeded. */
export const openingStockPerVariant = 1000;

const SKU_PREFIX = "CAMSLIDE";

export function sku(fit: FitKey, colour: ColourKey): string {
  return `${SKU_PREFIX}-${fit}-${colour}`.toUpperCase();
}

export interface VariantSpec {
  fit: FitKey;
  colour: ColourKey;
  sku: string;
  title: string;
  priceMinor: Record<CurrencyCode, number>;
  /** Shipping weight: the cover plus its packaging, rounded up to whole grams. */
  shippingWeightG: number;
}

export const variants: readonly VariantSpec[] = fitKeys.flatMap((fit) =>
  colourKeys.map((colour) => ({
    fit,
    colour,
    sku: sku(fit, colour),
    title: `${fits[fit].name} / ${colours[colour].name}`,
    priceMinor: basePriceMinor[fit],
    shippingWeightG: Math.ceil(fits[fit].weightG + parcel.packagingWeightG),
  })),
);

export function variantBySku(value: string): VariantSpec | undefined {
  return variants.find((variant) => variant.sku === value);
}

/** Promotion codes the shop is seeded with; a shopper types the code at checkout. */
export const promotions = {
  WELCOME10: { percentOff: 10, description: "10% off the covers in your first order" },
} as const satisfies Record<string, { percentOff: number; description: string }>;

export type PromotionCode = keyof typeof promotions;
export const promotionCodes = Object.keys(promotions) as [PromotionCode, ...PromotionCode[]];
