import { type ShippingOptionKey, shippingOptions } from "@camslide/product";
import type { MedusaContainer } from "@medusajs/framework/types";
import { ContainerRegistrationKeys, MedusaError, QueryContext } from "@medusajs/framework/utils";
import { LRUCache } from "lru-cache";
import { INTAKE_PAYMENT_PROVIDER } from "./intake-orders";

/**
 * What a checkout intake checks its request against: regions and their countries, shipping
 * options per country, variants' prices from Medusa's pricing. Read through Medusa's query and
 * kept for a few seconds, because a launch asks the same questions thousands of times a minute;
 * a price change reaches intakes within TTL_MS. The order is made at the price its intake was
 * accepted at (the shopper was shown it), which Medusa's pricing gave.
 */
const TTL_MS = 10_000;

interface Region {
  id: string;
  currency_code: string;
  countries: Set<string>;
  payment_providers: Set<string>;
}

export interface PricedVariant {
  id: string;
  unit_price: number;
}

/*
 * Query results are typed from .medusa/types, which only `medusa build` generates: these row
 * shapes keep this file type-checking in a clean checkout (as in scripts/seed.ts).
 */
interface RegionRow {
  id: string;
  currency_code: string;
  countries?: ({ iso_2?: string | null } | null)[] | null;
  payment_providers?: ({ id?: string | null } | null)[] | null;
}

interface OptionRow {
  id: string;
  name: string;
  service_zone?: { geo_zones?: ({ country_code?: string | null } | null)[] | null } | null;
}

interface VariantRow {
  product?: { status?: string; sales_channels?: ({ id?: string } | null)[] | null } | null;
  calculated_price?: { calculated_amount?: unknown } | null;
}

interface Cached<T> {
  at: number;
  value: Promise<T>;
}

let regionsCache: Cached<Map<string, Region>> | undefined;
let optionsCache: Cached<{ id: string; name: string; countries: Set<string> }[]> | undefined;
/**
 * Keyed by variant ids the client sends (unknown ones too), so bounded: at most
 * PRICE_CACHE_MAX entries, each dropped after TTL_MS.
 */
export const PRICE_CACHE_MAX = 5_000;
const priceCache = new LRUCache<string, Cached<PricedVariant | undefined>>({
  max: PRICE_CACHE_MAX,
  ttl: TTL_MS,
});

/** How many variant prices this process keeps (for tests of the bound). */
export function priceCacheSize(): number {
  return priceCache.size;
}

function fresh<T>(cached: Cached<T> | undefined): cached is Cached<T> {
  return cached !== undefined && Date.now() - cached.at < TTL_MS;
}

function invalid(message: string): MedusaError {
  return new MedusaError(MedusaError.Types.INVALID_DATA, message);
}

function currentRegions(container: MedusaContainer): Promise<Map<string, Region>> {
  let regions = regionsCache;
  if (!fresh(regions)) {
    const query = container.resolve(ContainerRegistrationKeys.QUERY);
    const value = query
      .graph({
        entity: "region",
        fields: ["id", "currency_code", "countries.iso_2", "payment_providers.id"],
      })
      .then(
        ({ data }) =>
          new Map<string, Region>(
            (data as unknown as RegionRow[]).map((r) => [
              r.id,
              {
                id: r.id,
                currency_code: r.currency_code,
                countries: new Set((r.countries ?? []).map((c) => c?.iso_2 ?? "")),
                payment_providers: new Set((r.payment_providers ?? []).map((p) => p?.id ?? "")),
              },
            ]),
          ),
      );
    regions = { at: Date.now(), value };
    regionsCache = regions;
    value.catch(() => {
      regionsCache = undefined;
    });
  }
  return regions.value;
}

export async function regionFor(
  container: MedusaContainer,
  regionId: string,
  /** The delivery country, checked against the region; undefined before there is an address. */
  countryCode: string | undefined,
): Promise<Region> {
  let region = (await currentRegions(container)).get(regionId);
  if (!region && regionsCache && Date.now() - regionsCache.at > 1_000) {
    // A region made since the last read: look again, at most once a second.
    regionsCache = undefined;
    region = (await currentRegions(container)).get(regionId);
  }
  if (!region) throw invalid(`Unknown region ${regionId}.`);
  if (!region.payment_providers.has(INTAKE_PAYMENT_PROVIDER)) {
    // The queue authorises orders with the system provider, which takes no money: where the
    // shop takes real payments (Stripe), it must not take orders at all.
    throw new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      "The launch queue is not open in this region: it takes orders only where no card payment is needed. Use the shop's checkout.",
    );
  }
  if (countryCode !== undefined && !region.countries.has(countryCode)) {
    throw invalid(
      `This region does not ship to "${countryCode}": choose the region of the delivery country.`,
    );
  }
  return region;
}

export async function shippingOptionFor(
  container: MedusaContainer,
  key: ShippingOptionKey,
  countryCode: string,
): Promise<string> {
  let options = optionsCache;
  if (!fresh(options)) {
    const query = container.resolve(ContainerRegistrationKeys.QUERY);
    const value = query
      .graph({
        entity: "shipping_option",
        fields: ["id", "name", "service_zone.geo_zones.country_code"],
      })
      .then(({ data }) =>
        (data as unknown as OptionRow[]).map((o) => ({
          id: o.id,
          name: o.name,
          countries: new Set(
            (o.service_zone?.geo_zones ?? []).map((zone) => zone?.country_code ?? ""),
          ),
        })),
      );
    options = { at: Date.now(), value };
    optionsCache = options;
    value.catch(() => {
      optionsCache = undefined;
    });
  }
  const option = (await options.value).find(
    (o) => o.name === shippingOptions[key].name && o.countries.has(countryCode),
  );
  if (!option) throw invalid(`No ${key} shipping to "${countryCode}".`);
  return option.id;
}

/** Each variant's unit price in the region, from Medusa's pricing; refuses unknown variants. */
export async function pricedVariants(
  container: MedusaContainer,
  region: Region,
  salesChannelId: string,
  variantIds: string[],
): Promise<Map<string, PricedVariant>> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY);
  const result = new Map<string, PricedVariant>();
  for (const variantId of new Set(variantIds)) {
    const key = `${region.id}:${salesChannelId}:${variantId}`;
    let cached = priceCache.get(key);
    if (!fresh(cached)) {
      const value = query
        .graph({
          entity: "variant",
          fields: ["id", "product.status", "product.sales_channels.id", "calculated_price.*"],
          filters: { id: variantId },
          context: {
            calculated_price: QueryContext({
              region_id: region.id,
              currency_code: region.currency_code,
            }),
          },
        })
        .then(({ data }) => {
          const variant = (data as unknown as VariantRow[])[0];
          const amount = variant?.calculated_price?.calculated_amount;
          const sold =
            variant?.product?.status === "published" &&
            (variant.product.sales_channels ?? []).some((c) => c?.id === salesChannelId);
          return sold && typeof amount === "number"
            ? { id: variantId, unit_price: amount }
            : undefined;
        });
      const entry = { at: Date.now(), value };
      cached = entry;
      priceCache.set(key, entry);
      value.catch(() => {
        if (priceCache.peek(key) === entry) priceCache.delete(key);
      });
    }
    const priced = await cached.value;
    if (!priced) throw invalid(`Variant ${variantId} is not sold in this region.`);
    result.set(variantId, priced);
  }
  return result;
}
