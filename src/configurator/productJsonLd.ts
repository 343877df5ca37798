/** Schema.org Product data for a fit x colour page, from the product definition alone. */
import {
  basePriceMinor,
  type ColourKey,
  colours,
  currencyCodes,
  type FitKey,
  fits,
  product,
  sku,
  toMajorUnits,
} from "../product/index.ts";

export function coverPath(fit: FitKey, colour: ColourKey): string {
  return `/covers/${fit}-${colour}/`;
}

export function posterPath(fit: FitKey, colour: ColourKey): string {
  return `/posters/${fit}-${colour}.svg`;
}

export function coverTitle(fit: FitKey, colour: ColourKey): string {
  return `${product.title}, ${fits[fit].name} fit, ${colours[colour].name}`;
}

export function coverDescription(fit: FitKey, colour: ColourKey): string {
  const spec = fits[fit];
  const { lengthMm, widthMm, thicknessMm } = spec.rail;
  return `${product.description} ${fits[fit].name} fit in ${colours[colour].name}: ${lengthMm} x ${widthMm} x ${thicknessMm} mm, ${spec.weightG} g, ${spec.windowDiameterMm} mm camera window.`;
}

/**
 * The list price per currency from the definition (not live: the shop's price for the
 * shopper's region comes from Medusa on the product page).
 */
export function productJsonLd(fit: FitKey, colour: ColourKey, site: URL) {
  const page = new URL(coverPath(fit, colour), site).toString();
  return {
    "@context": "https://schema.org",
    "@type": "Product",
    name: coverTitle(fit, colour),
    description: coverDescription(fit, colour),
    sku: sku(fit, colour),
    image: new URL(posterPath(fit, colour), site).toString(),
    color: colours[colour].name,
    brand: { "@type": "Brand", name: "Camslide" },
    url: page,
    weight: { "@type": "QuantitativeValue", value: fits[fit].weightG, unitCode: "GRM" },
    offers: currencyCodes.map((currency) => ({
      "@type": "Offer",
      price: toMajorUnits(basePriceMinor[fit][currency], currency).toFixed(2),
      priceCurrency: currency.toUpperCase(),
      url: page,
    })),
  };
}
