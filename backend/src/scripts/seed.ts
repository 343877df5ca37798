/**
 * Seeds the shop from the product definition (@camslide/product), through Medusa's core
 * workflows. Idempotent: every step looks for what it would create and creates only what is
 * missing, so running it on every start changes nothing the second time.
 *
 *   medusa exec ./src/scripts/seed.ts
 *
 * Environment:
 *   CAMSLIDE_SEED_OUTPUT    file to write {"publishableKey": ..., "regions": {...}} to
 *   CAMSLIDE_ADMIN_EMAIL    with CAMSLIDE_ADMIN_PASSWORD: create this admin user if missing
 *                           (the launcher sets them for the embedded demo only)
 */
import { writeFile } from "node:fs/promises";
import {
  colours,
  currencyCodes,
  fits,
  openingStockPerVariant,
  parcel,
  plannedShipsBy,
  product,
  productionPlan,
  promotionCodes,
  promotions,
  type RegionKey,
  regionCountries,
  regionKeys,
  regions,
  returnShipping,
  shippingOptionKeys,
  shippingOptions,
  toMajorUnits,
  type VariantSpec,
  variants,
} from "@camslide/product";
import type { ExecArgs, MedusaContainer } from "@medusajs/framework/types";
import { ContainerRegistrationKeys, Modules, ProductStatus } from "@medusajs/framework/utils";
import {
  createApiKeysWorkflow,
  createInventoryLevelsWorkflow,
  createProductsWorkflow,
  createProductVariantsWorkflow,
  createPromotionsWorkflow,
  createRegionsWorkflow,
  createSalesChannelsWorkflow,
  createShippingOptionsWorkflow,
  createShippingProfilesWorkflow,
  createStockLocationsWorkflow,
  createStoresWorkflow,
  createTaxRegionsWorkflow,
  createUserAccountWorkflow,
  linkSalesChannelsToApiKeyWorkflow,
  linkSalesChannelsToStockLocationWorkflow,
  updateRegionsWorkflow,
  updateStoresWorkflow,
} from "@medusajs/medusa/core-flows";
import { ensureDemoRetailer } from "../lib/demo-retailer";
import { readRuntimeConfig, regionPaymentProviders } from "../lib/runtime-config";
import { PRODUCTION_MODULE } from "../modules/production";
import type ProductionModuleService from "../modules/production/service";

export const SALES_CHANNEL_NAME = "Camslide web store";
export const STOCK_LOCATION_NAME = "Camslide warehouse";
export const FULFILLMENT_SET_NAME = "Camslide delivery";
export const PUBLISHABLE_KEY_TITLE = "Camslide storefront";
const MANUAL_FULFILLMENT_PROVIDER = "manual_manual";

/**
 * Query results are typed from .medusa/types, which only a build generates; these shapes keep
 * the seed type-checking in a clean checkout too.
 */
type Linked = { id: string };

export interface SeedOutput {
  publishableKey: string;
  salesChannelId: string;
  regions: Record<RegionKey, string>;
}

export default async function seed({ container }: ExecArgs): Promise<void> {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER);
  const salesChannelId = await ensureSalesChannel(container);
  const regionIds = await ensureRegions(container);
  await ensureTaxRegions(container);
  await ensureStore(container, salesChannelId, regionIds);
  const shippingProfileId = await ensureShippingProfile(container);
  const locationId = await ensureStockLocation(container, salesChannelId);
  await ensureShippingOptions(container, locationId, shippingProfileId, regionIds);
  const publishableKey = await ensurePublishableKey(container, salesChannelId);
  await ensureProduct(container, salesChannelId, shippingProfileId);
  await ensureStockLevels(container, locationId);
  await ensurePromotions(container);
  await ensureProductionBatches(container);
  await ensureDemoAdmin(container);
  await ensureDemoRetailer(container);

  const output: SeedOutput = { publishableKey, salesChannelId, regions: regionIds };
  if (process.env.CAMSLIDE_SEED_OUTPUT) {
    await writeFile(process.env.CAMSLIDE_SEED_OUTPUT, `${JSON.stringify(output, null, 2)}\n`);
  }
  logger.info(`Camslide seed complete: ${variants.length} variants, ${regionKeys.length} regions.`);
}

async function ensureSalesChannel(container: MedusaContainer): Promise<string> {
  const salesChannels = container.resolve(Modules.SALES_CHANNEL);
  const [existing] = await salesChannels.listSalesChannels({ name: SALES_CHANNEL_NAME });
  if (existing) return existing.id;
  const { result } = await createSalesChannelsWorkflow(container).run({
    input: {
      salesChannelsData: [
        { name: SALES_CHANNEL_NAME, description: "The Camslide storefront and widget." },
      ],
    },
  });
  return result[0].id;
}

/** Re-seeding after STRIPE_API_KEY was set (or removed) switches the regions' providers. */
async function alignPaymentProviders(
  container: MedusaContainer,
  regionIds: string[],
  wanted: string[],
): Promise<void> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY);
  const { data } = await query.graph({
    entity: "region",
    fields: ["id", "payment_providers.id"],
    filters: { id: regionIds },
  });
  const rows = data as unknown as { id: string; payment_providers?: { id: string }[] | null }[];
  const differs = rows.filter((region) => {
    const have = (region.payment_providers ?? []).map((p) => p.id).sort();
    return have.join(",") !== [...wanted].sort().join(",");
  });
  for (const region of differs) {
    await updateRegionsWorkflow(container).run({
      input: { selector: { id: region.id }, update: { payment_providers: wanted } },
    });
  }
}

async function ensureRegions(container: MedusaContainer): Promise<Record<RegionKey, string>> {
  const regionModule = container.resolve(Modules.REGION);
  // The demo pays with Medusa's system provider; a shop with STRIPE_API_KEY with Stripe only.
  const paymentProviders = regionPaymentProviders(readRuntimeConfig(process.env, "exec"));
  const names: string[] = regionKeys.map((key) => regions[key].name);
  const existing = await regionModule.listRegions({ name: { $in: names } });
  const missing = regionKeys.filter((key) => !existing.some((r) => r.name === regions[key].name));
  if (missing.length > 0) {
    await createRegionsWorkflow(container).run({
      input: {
        regions: missing.map((key) => ({
          name: regions[key].name,
          currency_code: regions[key].currency,
          countries: regionCountries(key),
          payment_providers: paymentProviders,
          automatic_taxes: true,
          metadata: { camslide_region: key },
        })),
      },
    });
  }
  const all = await regionModule.listRegions({ name: { $in: names } });
  await alignPaymentProviders(
    container,
    all.map((r) => r.id),
    paymentProviders,
  );
  return Object.fromEntries(
    regionKeys.map((key) => {
      const region = all.find((r) => r.name === regions[key].name);
      if (!region) throw new Error(`region ${regions[key].name} was not created`);
      return [key, region.id];
    }),
  ) as Record<RegionKey, string>;
}

async function ensureTaxRegions(container: MedusaContainer): Promise<void> {
  const tax = container.resolve(Modules.TAX);
  const wanted = regionKeys.flatMap((key) =>
    Object.entries(regions[key].countries).map(([country, { vatPercent }]) => ({
      country,
      vatPercent,
    })),
  );
  const existing = await tax.listTaxRegions({ country_code: wanted.map((w) => w.country) });
  const missing = wanted.filter(
    (w) => !existing.some((t) => t.country_code === w.country && !t.parent_id),
  );
  if (missing.length === 0) return;
  await createTaxRegionsWorkflow(container).run({
    input: missing.map(({ country, vatPercent }) => ({
      country_code: country,
      provider_id: "tp_system",
      default_tax_rate: { rate: vatPercent, code: `${country}-vat`, name: "VAT" },
    })),
  });
}

async function ensureStore(
  container: MedusaContainer,
  salesChannelId: string,
  regionIds: Record<RegionKey, string>,
): Promise<void> {
  const storeModule = container.resolve(Modules.STORE);
  const supported_currencies = currencyCodes.map((code) => ({
    currency_code: code,
    is_default: code === regions.ch.currency,
  }));
  const [store] = await storeModule.listStores({}, { relations: ["supported_currencies"] });
  if (!store) {
    await createStoresWorkflow(container).run({
      input: {
        stores: [
          {
            name: "Camslide",
            supported_currencies,
            default_sales_channel_id: salesChannelId,
            default_region_id: regionIds.ch,
          },
        ],
      },
    });
    return;
  }
  const have = (store.supported_currencies ?? []).map((c) => c.currency_code).sort();
  const upToDate =
    store.name === "Camslide" &&
    store.default_sales_channel_id === salesChannelId &&
    store.default_region_id === regionIds.ch &&
    have.join() === [...currencyCodes].sort().join();
  if (upToDate) return;
  await updateStoresWorkflow(container).run({
    input: {
      selector: { id: store.id },
      update: {
        name: "Camslide",
        supported_currencies,
        default_sales_channel_id: salesChannelId,
        default_region_id: regionIds.ch,
      },
    },
  });
}

async function ensureShippingProfile(container: MedusaContainer): Promise<string> {
  const fulfillment = container.resolve(Modules.FULFILLMENT);
  const [existing] = await fulfillment.listShippingProfiles({ type: "default" });
  if (existing) return existing.id;
  const { result } = await createShippingProfilesWorkflow(container).run({
    input: { data: [{ name: "Default", type: "default" }] },
  });
  return result[0].id;
}

async function ensureStockLocation(
  container: MedusaContainer,
  salesChannelId: string,
): Promise<string> {
  const stockLocations = container.resolve(Modules.STOCK_LOCATION);
  const link = container.resolve(ContainerRegistrationKeys.LINK);
  const query = container.resolve(ContainerRegistrationKeys.QUERY);

  let [location] = await stockLocations.listStockLocations({ name: STOCK_LOCATION_NAME });
  if (!location) {
    const { result } = await createStockLocationsWorkflow(container).run({
      input: {
        locations: [
          {
            name: STOCK_LOCATION_NAME,
            address: { address_1: "Hardturmstrasse 1", city: "Zürich", country_code: "CH" },
          },
        ],
      },
    });
    location = result[0];
  }

  const { data } = await query.graph({
    entity: "stock_location",
    fields: ["id", "sales_channels.id", "fulfillment_providers.id"],
    filters: { id: location.id },
  });
  const linked = data[0] as
    | { sales_channels?: (Linked | null)[]; fulfillment_providers?: (Linked | null)[] }
    | undefined;
  if (!linked?.sales_channels?.some((sc) => sc?.id === salesChannelId)) {
    await linkSalesChannelsToStockLocationWorkflow(container).run({
      input: { id: location.id, add: [salesChannelId] },
    });
  }
  if (!linked?.fulfillment_providers?.some((fp) => fp?.id === MANUAL_FULFILLMENT_PROVIDER)) {
    await link.create({
      [Modules.STOCK_LOCATION]: { stock_location_id: location.id },
      [Modules.FULFILLMENT]: { fulfillment_provider_id: MANUAL_FULFILLMENT_PROVIDER },
    });
  }
  return location.id;
}

/** One service zone per region, each with the definition's shipping options priced in its currency. */
async function ensureShippingOptions(
  container: MedusaContainer,
  locationId: string,
  shippingProfileId: string,
  regionIds: Record<RegionKey, string>,
): Promise<void> {
  const fulfillment = container.resolve(Modules.FULFILLMENT);
  const link = container.resolve(ContainerRegistrationKeys.LINK);

  let [set] = await fulfillment.listFulfillmentSets(
    { name: FULFILLMENT_SET_NAME },
    { relations: ["service_zones"] },
  );
  if (!set) {
    set = await fulfillment.createFulfillmentSets({
      name: FULFILLMENT_SET_NAME,
      type: "shipping",
      service_zones: regionKeys.map((key) => ({
        name: regions[key].name,
        geo_zones: regionCountries(key).map((country_code) => ({
          type: "country" as const,
          country_code,
        })),
      })),
    });
    await link.create({
      [Modules.STOCK_LOCATION]: { stock_location_id: locationId },
      [Modules.FULFILLMENT]: { fulfillment_set_id: set.id },
    });
  }

  const existing = await fulfillment.listShippingOptions({
    service_zone: { id: set.service_zones.map((zone) => zone.id) },
  });
  const input = regionKeys.flatMap((key) => {
    const zone = set.service_zones.find((z) => z.name === regions[key].name);
    if (!zone) throw new Error(`service zone ${regions[key].name} is missing`);
    return shippingOptionKeys
      .filter(
        (option) =>
          !existing.some(
            (o) => o.service_zone_id === zone.id && o.name === shippingOptions[option].name,
          ),
      )
      .map((option) => {
        const amount = toMajorUnits(shippingOptions[option].priceMinor[key], regions[key].currency);
        return {
          name: shippingOptions[option].name,
          price_type: "flat" as const,
          provider_id: MANUAL_FULFILLMENT_PROVIDER,
          service_zone_id: zone.id,
          shipping_profile_id: shippingProfileId,
          type: {
            label: shippingOptions[option].name,
            description: shippingOptions[option].description,
            code: option,
          },
          prices: [
            { currency_code: regions[key].currency, amount },
            { region_id: regionIds[key], amount },
          ],
          rules: [
            { attribute: "enabled_in_store", value: "true", operator: "eq" as const },
            { attribute: "is_return", value: "false", operator: "eq" as const },
          ],
        };
      });
  });
  // One return option per region: Medusa records a buyer's return against it.
  const returns = regionKeys.flatMap((key) => {
    const zone = set.service_zones.find((z) => z.name === regions[key].name);
    if (!zone) throw new Error(`service zone ${regions[key].name} is missing`);
    if (existing.some((o) => o.service_zone_id === zone.id && o.name === returnShipping.name)) {
      return [];
    }
    const amount = toMajorUnits(returnShipping.priceMinor, regions[key].currency);
    return [
      {
        name: returnShipping.name,
        price_type: "flat" as const,
        provider_id: MANUAL_FULFILLMENT_PROVIDER,
        service_zone_id: zone.id,
        shipping_profile_id: shippingProfileId,
        type: {
          label: returnShipping.name,
          description: returnShipping.description,
          code: "return",
        },
        prices: [
          { currency_code: regions[key].currency, amount },
          { region_id: regionIds[key], amount },
        ],
        rules: [
          { attribute: "enabled_in_store", value: "true", operator: "eq" as const },
          { attribute: "is_return", value: "true", operator: "eq" as const },
        ],
      },
    ];
  });
  const all = [...input, ...returns];
  if (all.length > 0) await createShippingOptionsWorkflow(container).run({ input: all });
}

async function ensurePublishableKey(
  container: MedusaContainer,
  salesChannelId: string,
): Promise<string> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY);
  const { data } = await query.graph({
    entity: "api_key",
    fields: ["id", "token", "revoked_at", "sales_channels.id"],
    filters: { title: PUBLISHABLE_KEY_TITLE, type: "publishable" },
  });
  const keys = data as {
    id: string;
    token: string;
    revoked_at: Date | string | null;
    sales_channels?: (Linked | null)[];
  }[];
  const existing = keys.find((k) => !k.revoked_at);
  if (existing?.sales_channels?.some((sc) => sc?.id === salesChannelId)) return existing.token;
  const key: { id: string; token: string } =
    existing ??
    (
      await createApiKeysWorkflow(container).run({
        input: {
          api_keys: [{ title: PUBLISHABLE_KEY_TITLE, type: "publishable", created_by: "" }],
        },
      })
    ).result[0];
  await linkSalesChannelsToApiKeyWorkflow(container).run({
    input: { id: key.id, add: [salesChannelId] },
  });
  return key.token;
}

function variantInput(variant: VariantSpec) {
  return {
    title: variant.title,
    sku: variant.sku,
    manage_inventory: true,
    allow_backorder: false,
    options: {
      [product.optionTitles.fit]: fits[variant.fit].name,
      [product.optionTitles.colour]: colours[variant.colour].name,
    },
    weight: variant.shippingWeightG,
    length: parcel.lengthMm,
    width: parcel.widthMm,
    height: parcel.heightMm,
    metadata: { fit: variant.fit, colour: variant.colour },
    prices: currencyCodes.map((currency_code) => ({
      currency_code,
      amount: toMajorUnits(variant.priceMinor[currency_code], currency_code),
    })),
  };
}

async function ensureProduct(
  container: MedusaContainer,
  salesChannelId: string,
  shippingProfileId: string,
): Promise<void> {
  const productModule = container.resolve(Modules.PRODUCT);
  const [existing] = await productModule.listProducts(
    { handle: product.handle },
    { relations: ["variants"] },
  );
  if (!existing) {
    await createProductsWorkflow(container).run({
      input: {
        products: [
          {
            title: product.title,
            subtitle: product.subtitle,
            description: product.description,
            handle: product.handle,
            status: ProductStatus.PUBLISHED,
            shipping_profile_id: shippingProfileId,
            options: [
              {
                title: product.optionTitles.fit,
                values: Object.values(fits).map((f) => f.name),
              },
              {
                title: product.optionTitles.colour,
                values: Object.values(colours).map((c) => c.name),
              },
            ],
            variants: variants.map(variantInput),
            sales_channels: [{ id: salesChannelId }],
          },
        ],
      },
    });
    return;
  }
  const missing = variants.filter((v) => !existing.variants?.some((e) => e.sku === v.sku));
  if (missing.length === 0) return;
  await createProductVariantsWorkflow(container).run({
    input: {
      product_variants: missing.map((v) => ({ ...variantInput(v), product_id: existing.id })),
    },
  });
}

/** Gives every Camslide inventory item that has no level at the warehouse its opening stock. */
async function ensureStockLevels(container: MedusaContainer, locationId: string): Promise<void> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY);
  const { data: items } = await query.graph({
    entity: "inventory_item",
    fields: ["id", "sku", "location_levels.location_id"],
    filters: { sku: variants.map((v) => v.sku) },
  });
  const inventory_levels = (
    items as { id: string; location_levels?: ({ location_id: string } | null)[] }[]
  )
    .filter((item) => !item.location_levels?.some((l) => l?.location_id === locationId))
    .map((item) => ({
      inventory_item_id: item.id,
      location_id: locationId,
      stocked_quantity: openingStockPerVariant,
    }));
  if (inventory_levels.length === 0) return;
  await createInventoryLevelsWorkflow(container).run({ input: { inventory_levels } });
}

async function ensurePromotions(container: MedusaContainer): Promise<void> {
  const promotionModule = container.resolve(Modules.PROMOTION);
  const existing = await promotionModule.listPromotions({ code: [...promotionCodes] });
  const missing = promotionCodes.filter((code) => !existing.some((p) => p.code === code));
  if (missing.length === 0) return;
  await createPromotionsWorkflow(container).run({
    input: {
      promotionsData: missing.map((code) => ({
        code,
        type: "standard" as const,
        status: "active" as const,
        is_automatic: false,
        application_method: {
          type: "percentage" as const,
          target_type: "items" as const,
          allocation: "across" as const,
          value: promotions[code].percentOff,
        },
      })),
    },
  });
}

/** The plan's first batches, once: after that the maker's dates and capacities stand. */
async function ensureProductionBatches(container: MedusaContainer): Promise<void> {
  const production: ProductionModuleService = container.resolve(PRODUCTION_MODULE);
  const [, count] = await production.listAndCountProductionBatches({}, { take: 1 });
  if (count > 0) return;
  await production.createProductionBatches(
    Array.from({ length: productionPlan.seededBatches }, (_, index) => ({
      number: index + 1,
      capacity_units: productionPlan.batchCapacityUnits,
      ships_by: new Date(`${plannedShipsBy(index + 1)}T00:00:00Z`),
    })),
  );
}

async function ensureDemoAdmin(container: MedusaContainer): Promise<void> {
  const email = process.env.CAMSLIDE_ADMIN_EMAIL;
  const password = process.env.CAMSLIDE_ADMIN_PASSWORD;
  if (!email || !password) return;
  const users = container.resolve(Modules.USER);
  const [existing] = await users.listUsers({ email });
  if (existing) return;
  const auth = container.resolve(Modules.AUTH);
  const { authIdentity, error } = await auth.register("emailpass", { body: { email, password } });
  if (error || !authIdentity) throw new Error(`could not register the demo admin: ${error}`);
  await createUserAccountWorkflow(container).run({
    input: { authIdentityId: authIdentity.id, userData: { email, first_name: "Demo" } },
  });
}
