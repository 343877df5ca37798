/** Schema.org Product data for a fit x colour page, from the product definition alone. */
import { type Locale, translator } from "../i18n/index.ts";
import { names } from "../i18n/names.ts";
import { formatNumber } from "../lib/format.ts";
import {
  basePriceMinor,
  type ColourKey,
  currencyCodes,
  type FitKey,
  fits,
  sku,
  toMajorUnits,
} from "../product/index.ts";
import { ogImagePath } from "./ogImage.ts";

/** Where the fit x colour pages live in each language. */
export const coverRoots = { en: "/covers/", fr: "/fr/caches/", de: "/de/abdeckungen/" } as const;

export function coverPath(fit: FitKey, colour: ColourKey, locale: Locale = "en"): string {
  return `${coverRoots[locale]}${fit}-${colour}/`;
}

export function posterPath(fit: FitKey, colour: ColourKey): string {
  return `/posters/${fit}-${colour}.svg`;
}

export function coverTitle(fit: FitKey, colour: ColourKey, locale: Locale = "en"): string {
  const t = translator(locale);
  return t("cover.title", {
    product: t("product.title"),
    fit: names[locale].fit[fit],
    colour: names[locale].colour[colour],
  });
}

export function coverDescription(fit: FitKey, colour: ColourKey, locale: Locale = "en"): string {
  const t = translator(locale);
  const spec = fits[fit];
  const n = (value: number) => formatNumber(value, locale);
  return t("cover.description", {
    description: t("product.description"),
    fit: names[locale].fit[fit],
    colour: names[locale].colour[colour],
    length: n(spec.rail.lengthMm),
    width: n(spec.rail.widthMm),
    thickness: n(spec.rail.thicknessMm),
    weight: n(spec.weightG),
    window: n(spec.windowDiameterMm),
  });
}

/**
 * The list price per currency from the definition (not live: the shop's price for the
 * shopper's region comes from Medusa on the product page). Orders ship in dated production
 * batches, so the offers are pre-orders, which is what a search engine should tell a buyer.
 */
export function productJsonLd(fit: FitKey, colour: ColourKey, site: URL, locale: Locale = "en") {
  const page = new URL(coverPath(fit, colour, locale), site).toString();
  return {
    "@context": "https://schema.org",
    "@type": "Product",
    name: coverTitle(fit, colour, locale),
    description: coverDescription(fit, colour, locale),
    sku: sku(fit, colour),
    image: [
      new URL(ogImagePath(fit, colour), site).toString(),
      new URL(posterPath(fit, colour), site).toString(),
    ],
    color: names[locale].colour[colour],
    brand: { "@type": "Brand", name: "Camslide" },
    url: page,
    weight: { "@type": "QuantitativeValue", value: fits[fit].weightG, unitCode: "GRM" },
    offers: currencyCodes.map((currency) => ({
      "@type": "Offer",
      price: toMajorUnits(basePriceMinor[fit][currency], currency).toFixed(2),
      priceCurrency: currency.toUpperCase(),
      availability: "https://schema.org/PreOrder",
      url: page,
    })),
  };
}
