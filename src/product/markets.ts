/**
 * Where Camslide sells: currencies, the three regions with their countries and VAT rates, and
 * the shipping options offered in each. The backend seed creates exactly this in Medusa; the
 * storefront's region switch reads it.
 */
export const currencies = {
  chf: { name: "Swiss franc", minorDigits: 2 },
  eur: { name: "Euro", minorDigits: 2 },
  usd: { name: "US dollar", minorDigits: 2 },
} as const;

export type CurrencyCode = keyof typeof currencies;
export const currencyCodes = Object.keys(currencies) as [CurrencyCode, ...CurrencyCode[]];

/** VAT in percent, per country (ISO 3166-1 alpha-2, lower case as Medusa stores them). */
export const regions = {
  ch: {
    name: "Switzerland",
    currency: "chf",
    countries: { ch: { vatPercent: 8.1 }, li: { vatPercent: 8.1 } },
  },
  eu: {
    name: "Europe",
    currency: "eur",
    countries: {
      de: { vatPercent: 19 },
      fr: { vatPercent: 20 },
      it: { vatPercent: 22 },
      at: { vatPercent: 20 },
      es: { vatPercent: 21 },
      nl: { vatPercent: 21 },
      be: { vatPercent: 21 },
      ie: { vatPercent: 23 },
      pt: { vatPercent: 23 },
      se: { vatPercent: 25 },
      dk: { vatPercent: 25 },
      fi: { vatPercent: 25.5 },
      pl: { vatPercent: 23 },
      lu: { vatPercent: 17 },
    },
  },
  world: {
    name: "Rest of world",
    currency: "usd",
    countries: {
      us: { vatPercent: 0 },
      ca: { vatPercent: 0 },
      gb: { vatPercent: 20 },
      no: { vatPercent: 25 },
      au: { vatPercent: 10 },
      nz: { vatPercent: 15 },
      jp: { vatPercent: 10 },
      sg: { vatPercent: 9 },
    },
  },
} as const;

export type Regions = typeof regions;
export type RegionKey = keyof Regions;
export type CountryCode = {
  [R in RegionKey]: keyof Regions[R]["countries"];
}[RegionKey];
export const regionKeys = Object.keys(regions) as [RegionKey, ...RegionKey[]];
export const defaultRegion: RegionKey = "ch";

export function isRegionKey(value: unknown): value is RegionKey {
  return typeof value === "string" && Object.hasOwn(regions, value);
}

export function regionCountries(region: RegionKey): CountryCode[] {
  return Object.keys(regions[region].countries) as CountryCode[];
}

/** Flat shipping prices in minor units of each region's currency. */
export const shippingOptions = {
  standard: {
    name: "Standard shipping",
    description: "Letter post, tracked. 3-7 working days after the batch ships.",
    priceMinor: { ch: 300, eu: 350, world: 600 },
  },
  express: {
    name: "Express shipping",
    description: "Courier, 1-3 working days after the batch ships.",
    priceMinor: { ch: 1200, eu: 1500, world: 2500 },
  },
} as const satisfies Record<
  string,
  { name: string; description: string; priceMinor: Record<RegionKey, number> }
>;

export type ShippingOptionKey = keyof typeof shippingOptions;
export const shippingOptionKeys = Object.keys(shippingOptions) as [
  ShippingOptionKey,
  ...ShippingOptionKey[],
];

/** Medusa v2 stores amounts in major units (14.9 is CHF 14.90); the definition keeps minor units. */
export function toMajorUnits(amountMinor: number, currency: CurrencyCode): number {
  if (!Number.isInteger(amountMinor)) {
    throw new TypeError(`amount in minor units must be an integer, got ${amountMinor}`);
  }
  return amountMinor / 10 ** currencies[currency].minorDigits;
}
