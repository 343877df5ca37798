/**
 * The launch's shoppers: where they live (real cities with valid postcodes for every country
 * the regions ship to), what they buy and how they ship, drawn from a seeded generator so two
 * runs with the same --seed replay the same launch.
 */
import {
  type ColourKey,
  type CountryCode,
  colourKeys,
  type FitKey,
  fitKeys,
  type RegionKey,
  regionCountries,
  sku,
} from "../../src/product/index.ts";

interface Place {
  city: string;
  postal_code: string;
  street: string;
  phone: string;
  province?: string;
}

/** Two real places per country; postcodes match src/lib/address.ts's rules. */
const places: Record<CountryCode, readonly Place[]> = {
  ch: [
    { city: "Zürich", postal_code: "8004", street: "Langstrasse 120", phone: "+41 44 123 45 67" },
    { city: "Lausanne", postal_code: "1003", street: "Rue de Bourg 8", phone: "+41 21 312 00 00" },
  ],
  li: [{ city: "Vaduz", postal_code: "9490", street: "Städtle 17", phone: "+423 232 00 00" }],
  de: [
    { city: "Berlin", postal_code: "10115", street: "Invalidenstraße 43", phone: "+49 30 1234567" },
    { city: "München", postal_code: "80331", street: "Marienplatz 2", phone: "+49 89 2330000" },
  ],
  fr: [
    { city: "Paris", postal_code: "75011", street: "12 rue Oberkampf", phone: "+33 1 43 00 00 00" },
    { city: "Lyon", postal_code: "69002", street: "5 place Bellecour", phone: "+33 4 72 00 00 00" },
  ],
  it: [
    { city: "Roma", postal_code: "00184", street: "Via Nazionale 10", phone: "+39 06 4800000" },
    { city: "Milano", postal_code: "20121", street: "Via Brera 3", phone: "+39 02 7200000" },
  ],
  at: [{ city: "Wien", postal_code: "1010", street: "Graben 21", phone: "+43 1 5120000" }],
  es: [{ city: "Madrid", postal_code: "28013", street: "Calle Mayor 1", phone: "+34 915 000 000" }],
  nl: [{ city: "Amsterdam", postal_code: "1011 AB", street: "Damrak 1", phone: "+31 20 000 0000" }],
  be: [
    { city: "Bruxelles", postal_code: "1000", street: "Rue Neuve 30", phone: "+32 2 000 00 00" },
  ],
  ie: [{ city: "Dublin", postal_code: "D02 X285", street: "1 Grafton St", phone: "+353 1 0000" }],
  pt: [
    { city: "Lisboa", postal_code: "1100-148", street: "Rua Augusta 2", phone: "+351 21 000 0000" },
  ],
  se: [
    { city: "Stockholm", postal_code: "111 22", street: "Drottninggatan 5", phone: "+46 8 000" },
  ],
  dk: [{ city: "København", postal_code: "1050", street: "Strøget 4", phone: "+45 33 00 00 00" }],
  fi: [
    { city: "Helsinki", postal_code: "00100", street: "Mannerheimintie 1", phone: "+358 9 000" },
  ],
  pl: [
    { city: "Warszawa", postal_code: "00-001", street: "ul. Nowy Świat 1", phone: "+48 22 000" },
  ],
  lu: [{ city: "Luxembourg", postal_code: "1111", street: "Grand-Rue 9", phone: "+352 000 000" }],
  us: [
    {
      city: "Portland",
      postal_code: "97201",
      street: "1120 SW 5th Ave",
      phone: "+1 503 555 0100",
      province: "OR",
    },
    {
      city: "Austin",
      postal_code: "78701",
      street: "301 Congress Ave",
      phone: "+1 512 555 0100",
      province: "TX",
    },
  ],
  ca: [
    {
      city: "Ottawa",
      postal_code: "K1A 0B1",
      street: "111 Wellington St",
      phone: "+1 613 555 0100",
      province: "ON",
    },
  ],
  gb: [
    { city: "London", postal_code: "SW1A 1AA", street: "10 Downing St", phone: "+44 20 0000" },
    { city: "Manchester", postal_code: "M1 1AE", street: "1 Piccadilly", phone: "+44 161 000" },
  ],
  no: [{ city: "Oslo", postal_code: "0150", street: "Karl Johans gate 1", phone: "+47 22 00" }],
  au: [
    {
      city: "Sydney",
      postal_code: "2000",
      street: "1 George St",
      phone: "+61 2 0000 0000",
      province: "NSW",
    },
  ],
  nz: [{ city: "Wellington", postal_code: "6011", street: "1 Lambton Quay", phone: "+64 4 000" }],
  jp: [{ city: "Tokyo", postal_code: "100-0001", street: "1-1 Chiyoda", phone: "+81 3 0000 0000" }],
  sg: [{ city: "Singapore", postal_code: "018956", street: "10 Bayfront Ave", phone: "+65 6000" }],
};

const firstNames = ["Anna", "Luca", "Sofia", "Noah", "Mia", "Elias", "Léa", "Jonas", "Emma", "Ken"];
const lastNames = ["Müller", "Rossi", "Dubois", "Smith", "Novak", "Keller", "Tanaka", "O'Brien"];
const locales = { ch: ["de", "fr", "en"], eu: ["de", "fr", "en"], world: ["en"] } as const;

/** Launch traffic by region: mostly Swiss and European backers, a third from elsewhere. */
const regionWeights: readonly [RegionKey, number][] = [
  ["ch", 0.35],
  ["eu", 0.4],
  ["world", 0.25],
];

export interface Shopper {
  index: number;
  region: RegionKey;
  email: string;
  locale: string;
  sku: string;
  fit: FitKey;
  colour: ColourKey;
  quantity: number;
  shipping: "standard" | "express";
  address: {
    first_name: string;
    last_name: string;
    address_1: string;
    city: string;
    postal_code: string;
    country_code: CountryCode;
    phone: string;
    province?: string;
  };
}

/** mulberry32: small, fast, seeded; good enough to spread shoppers. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(next: () => number, list: readonly T[]): T {
  const item = list[Math.floor(next() * list.length)];
  if (item === undefined) throw new Error("empty list");
  return item;
}

/** Shopper `index` of the run tagged `runTag`; emails are unique per shopper and run. */
export function shopper(index: number, runTag: string, seed: number): Shopper {
  const next = random(seed * 1_000_003 + index);
  let roll = next();
  let region: RegionKey = "ch";
  for (const [key, weight] of regionWeights) {
    region = key;
    roll -= weight;
    if (roll < 0) break;
  }
  const country = pick(next, regionCountries(region));
  const place = pick(next, places[country]);
  const fit = pick(next, fitKeys);
  const colour = pick(next, colourKeys);
  const quantityRoll = next();
  return {
    index,
    region,
    email: `shopper${index}.${runTag}@bench.camslide.test`,
    locale: pick(next, locales[region]),
    sku: sku(fit, colour),
    fit,
    colour,
    quantity: quantityRoll < 0.75 ? 1 : quantityRoll < 0.95 ? 2 : 3,
    shipping: next() < 0.85 ? "standard" : "express",
    address: {
      first_name: pick(next, firstNames),
      last_name: pick(next, lastNames),
      address_1: place.street,
      city: place.city,
      postal_code: place.postal_code,
      country_code: country,
      phone: place.phone,
      ...(place.province ? { province: place.province } : {}),
    },
  };
}
