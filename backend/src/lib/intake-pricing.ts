import type { CreateOrderDTO, MedusaContainer } from "@medusajs/framework/types";
import {
  ContainerRegistrationKeys,
  decorateCartTotals,
  Modules,
  OrderStatus,
  QueryContext,
} from "@medusajs/framework/utils";
import type { IntakeRow } from "../modules/checkout-intake/service";
import { channelLocations, INTAKE_PAYMENT_PROVIDER, orderIdFor } from "./intake-orders";
import { sharedRead } from "./intake-quote-reads";

/*
 * Query results are typed from .medusa/types, which only `medusa build` generates: these row
 * shapes keep this file type-checking in a clean checkout (as in scripts/seed.ts).
 */

interface VariantRow {
  id: string;
  title: string | null;
  sku: string | null;
  barcode: string | null;
  thumbnail: string | null;
  manage_inventory: boolean;
  allow_backorder: boolean;
  options?: ({ value?: string; option?: { title?: string } | null } | null)[] | null;
  product: {
    id: string;
    title: string;
    handle: string | null;
    subtitle: string | null;
    description: string | null;
    thumbnail: string | null;
    discountable: boolean;
    type?: { id?: string; value?: string } | null;
    collection?: { title?: string } | null;
    shipping_profile?: { id?: string } | null;
  };
  inventory_items?:
    | ({
        inventory_item_id: string;
        required_quantity: number;
        inventory?: { requires_shipping?: boolean } | null;
      } | null)[]
    | null;
  calculated_price?: { is_calculated_price_tax_inclusive?: boolean } | null;
}

interface ShippingOptionRow {
  id: string;
  name: string;
  data: Record<string, unknown> | null;
  calculated_price?: {
    calculated_amount?: number | null;
    is_calculated_price_tax_inclusive?: boolean;
  } | null;
}

interface TaxLine {
  rate: number;
  code: string;
  name: string;
  rate_id?: string;
  provider_id: string;
  line_item_id?: string;
  shipping_line_id?: string;
}

/** What pricing an intake reads of it (a quote is priced from the same fields). */
export type PricedIntake = Pick<
  IntakeRow,
  | "id"
  | "region_id"
  | "sales_channel_id"
  | "currency_code"
  | "email"
  | "locale"
  | "items"
  | "shipping_address"
  | "shipping_option_id"
  | "promise"
>;

export interface PreparedOrders {
  orders: CreateOrderDTO[];
  totals: { order_id: string; amount: number; currency_code: string }[];
  /** Per order, its totals as the order module will compute them (what a quote shows). */
  breakdown: {
    order_id: string;
    currency_code: string;
    item_subtotal: number;
    shipping_subtotal: number;
    tax_total: number;
    total: number;
  }[];
  /** Per order, per line (in item order): what reserving its stock takes. */
  stock: {
    order_id: string;
    lines: {
      variant_id: string;
      quantity: number;
      inventory: { inventory_item_id: string; required_quantity: number }[];
      allow_backorder: boolean;
    }[];
  }[];
  location_ids: Record<string, string[]>;
}

async function loadVariants(
  container: MedusaContainer,
  intakes: PricedIntake[],
): Promise<Map<string, VariantRow>> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY);
  const byRegion = new Map<string, { currency_code: string; ids: Set<string> }>();
  for (const intake of intakes) {
    const entry = byRegion.get(intake.region_id) ?? {
      currency_code: intake.currency_code,
      ids: new Set<string>(),
    };
    for (const item of intake.items) entry.ids.add(item.variant_id);
    byRegion.set(intake.region_id, entry);
  }
  const variants = new Map<string, VariantRow>();
  for (const [regionId, { currency_code, ids }] of byRegion) {
    const { data } = await query.graph({
      entity: "variant",
      fields: [
        "id",
        "title",
        "sku",
        "barcode",
        "thumbnail",
        "manage_inventory",
        "allow_backorder",
        "options.value",
        "options.option.title",
        "product.id",
        "product.title",
        "product.handle",
        "product.subtitle",
        "product.description",
        "product.thumbnail",
        "product.discountable",
        "product.type.id",
        "product.type.value",
        "product.collection.title",
        "product.shipping_profile.id",
        "inventory_items.inventory_item_id",
        "inventory_items.required_quantity",
        "inventory_items.inventory.requires_shipping",
        "calculated_price.is_calculated_price_tax_inclusive",
      ],
      filters: { id: [...ids] },
      context: { calculated_price: QueryContext({ region_id: regionId, currency_code }) },
    });
    for (const row of data as unknown as VariantRow[]) variants.set(`${regionId}:${row.id}`, row);
  }
  return variants;
}

async function loadShippingOptions(
  container: MedusaContainer,
  intakes: PricedIntake[],
): Promise<Map<string, ShippingOptionRow>> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY);
  const wanted = new Map<string, { region_id: string; currency_code: string; ids: Set<string> }>();
  for (const intake of intakes) {
    const entry = wanted.get(intake.region_id) ?? {
      region_id: intake.region_id,
      currency_code: intake.currency_code,
      ids: new Set<string>(),
    };
    entry.ids.add(intake.shipping_option_id);
    wanted.set(intake.region_id, entry);
  }
  const options = new Map<string, ShippingOptionRow>();
  for (const { region_id, currency_code, ids } of wanted.values()) {
    const { data } = await query.graph({
      entity: "shipping_option",
      fields: [
        "id",
        "name",
        "data",
        "calculated_price.calculated_amount",
        "calculated_price.is_calculated_price_tax_inclusive",
      ],
      filters: { id: [...ids] },
      context: { calculated_price: QueryContext({ region_id, currency_code }) },
    });
    for (const row of data as unknown as ShippingOptionRow[]) {
      options.set(`${region_id}:${row.id}`, row);
    }
  }
  return options;
}

function taxLinesFor(lines: TaxLine[], key: "line_item_id" | "shipping_line_id", id: string) {
  return lines
    .filter((line) => line[key] === id)
    .map((line) => ({
      description: line.name,
      tax_rate_id: line.rate_id,
      code: line.code,
      rate: line.rate,
      provider_id: line.provider_id,
    }));
}

function readKey(kind: string, intakes: PricedIntake[], part: (i: PricedIntake) => string[]) {
  return `${kind}:${[...new Set(intakes.flatMap(part))].sort().join(",")}`;
}

/**
 * Reads what the orders need from Medusa (variants with their product and inventory, the
 * shipping option's price in the region's currency, tax lines from the tax module for each
 * delivery address, the sales channels' stock locations) and builds the orders as Medusa's
 * cart completion would: items at the price the intake was accepted at (taken from Medusa's
 * pricing then), the shipping method, tax lines and totals. Reads only.
 *
 * `quote`: for a checkout's quote, asked by every shopper: the catalogue reads (not the tax
 * lines, which depend on the address) are shared for a few seconds, and the region's payment
 * providers are not read again (the route checked them). A conversion reads everything fresh.
 */
export async function prepareIntakeOrders(
  container: MedusaContainer,
  intakes: PricedIntake[],
  { quote = false }: { quote?: boolean } = {},
): Promise<PreparedOrders> {
  const tax = container.resolve(Modules.TAX);
  const query = container.resolve(ContainerRegistrationKeys.QUERY);
  const read = <T>(key: string, fetch: () => Promise<T>) =>
    quote ? sharedRead(key, fetch) : fetch();
  const [variants, options, location_ids, regions] = await Promise.all([
    read(
      readKey("variants", intakes, (i) =>
        i.items.map((item) => `${i.region_id}:${item.variant_id}`),
      ),
      () => loadVariants(container, intakes),
    ),
    read(
      readKey("options", intakes, (i) => [`${i.region_id}:${i.shipping_option_id}`]),
      () => loadShippingOptions(container, intakes),
    ),
    read(
      readKey("locations", intakes, (i) => [i.sales_channel_id]),
      () =>
        channelLocations(
          container,
          intakes.map((i) => i.sales_channel_id),
        ),
    ),
    quote
      ? { data: [] }
      : query.graph({
          entity: "region",
          fields: ["id", "payment_providers.id"],
          filters: { id: [...new Set(intakes.map((i) => i.region_id))] },
        }),
  ]);
  // As the intake route checks: never an order paid by the system provider where the shop
  // takes real payments (the region may have changed since the intake was accepted).
  for (const region of regions.data as unknown as {
    id: string;
    payment_providers?: ({ id?: string } | null)[] | null;
  }[]) {
    if (!(region.payment_providers ?? []).some((p) => p?.id === INTAKE_PAYMENT_PROVIDER)) {
      throw new Error(`Region ${region.id} takes card payments now: no order without one.`);
    }
  }
  const prepared: PreparedOrders = {
    orders: [],
    totals: [],
    breakdown: [],
    stock: [],
    location_ids,
  };
  await Promise.all(
    intakes.map(async (intake) => {
      const orderId = orderIdFor(intake.id);
      const option = options.get(`${intake.region_id}:${intake.shipping_option_id}`);
      const shippingAmount = option?.calculated_price?.calculated_amount;
      if (!option || typeof shippingAmount !== "number") {
        throw new Error(`Shipping option ${intake.shipping_option_id} has no price here.`);
      }
      const lines = intake.items.map((item, index) => {
        const variant = variants.get(`${intake.region_id}:${item.variant_id}`);
        if (!variant) throw new Error(`Variant ${item.variant_id} no longer exists.`);
        return { id: `${orderId}:item:${index}`, item, variant };
      });
      const shippingLineId = `${orderId}:shipping`;
      const address = intake.shipping_address;
      const taxLines = (await tax.getTaxLines(
        [
          ...lines.map(({ id, item, variant }) => ({
            id,
            product_id: variant.product.id,
            product_type_id: variant.product.type?.id,
            quantity: item.quantity,
            unit_price: item.unit_price,
            currency_code: intake.currency_code,
          })),
          {
            id: shippingLineId,
            shipping_option_id: option.id,
            unit_price: shippingAmount,
            currency_code: intake.currency_code,
          },
        ],
        {
          address: {
            country_code: address.country_code ?? "",
            province_code: address.province,
            address_1: address.address_1,
            address_2: address.address_2,
            city: address.city,
            postal_code: address.postal_code,
          },
        },
      )) as unknown as TaxLine[];

      const items = lines.map(({ id, item, variant }) => ({
        title: variant.product.title,
        subtitle: variant.title ?? undefined,
        thumbnail: variant.thumbnail ?? variant.product.thumbnail ?? undefined,
        product_id: variant.product.id,
        product_title: variant.product.title,
        product_description: variant.product.description ?? undefined,
        product_subtitle: variant.product.subtitle ?? undefined,
        product_type: variant.product.type?.value ?? undefined,
        product_type_id: variant.product.type?.id ?? undefined,
        product_collection: variant.product.collection?.title ?? undefined,
        product_handle: variant.product.handle ?? undefined,
        variant_id: variant.id,
        variant_sku: variant.sku ?? undefined,
        variant_barcode: variant.barcode ?? undefined,
        variant_title: variant.title ?? undefined,
        variant_option_values: Object.fromEntries(
          (variant.options ?? []).flatMap((o) =>
            o?.option?.title ? [[o.option.title, o.value ?? ""]] : [],
          ),
        ),
        is_discountable: variant.product.discountable,
        requires_shipping:
          Boolean(variant.product.shipping_profile?.id) ||
          (variant.inventory_items ?? []).some((i) => i?.inventory?.requires_shipping),
        quantity: item.quantity,
        unit_price: item.unit_price,
        is_tax_inclusive: Boolean(variant.calculated_price?.is_calculated_price_tax_inclusive),
        tax_lines: taxLinesFor(taxLines, "line_item_id", id),
        metadata: {},
      }));
      const shipping_methods = [
        {
          name: option.name,
          amount: shippingAmount,
          is_tax_inclusive: Boolean(option.calculated_price?.is_calculated_price_tax_inclusive),
          shipping_option_id: option.id,
          data: {},
          tax_lines: taxLinesFor(taxLines, "shipping_line_id", shippingLineId),
        },
      ];
      const { id: _ignored, ...addressFields } = { id: undefined, ...address };
      const order = {
        id: orderId,
        region_id: intake.region_id,
        sales_channel_id: intake.sales_channel_id,
        status: OrderStatus.PENDING,
        email: intake.email,
        currency_code: intake.currency_code,
        shipping_address: addressFields,
        billing_address: addressFields,
        no_notification: false,
        items,
        shipping_methods,
        metadata: {
          locale: intake.locale,
          checkout_intake_id: intake.id,
          ships_by: intake.promise.ships_by,
          batch_number: intake.promise.batch_number,
        },
      } as CreateOrderDTO & { id: string };
      // The same totals Medusa's order module computes when it stores the order.
      const totals = decorateCartTotals({
        currency_code: intake.currency_code,
        items: items.map((item, index) => ({ ...item, id: `${index}` })),
        shipping_methods: shipping_methods.map((m, index) => ({ ...m, id: `${index}` })),
      } as unknown as Parameters<typeof decorateCartTotals>[0]) as Record<
        "item_subtotal" | "shipping_subtotal" | "tax_total" | "total",
        unknown
      >;
      prepared.orders.push(order);
      prepared.totals.push({
        order_id: orderId,
        amount: Number(totals.total),
        currency_code: intake.currency_code,
      });
      prepared.breakdown.push({
        order_id: orderId,
        currency_code: intake.currency_code,
        item_subtotal: Number(totals.item_subtotal),
        shipping_subtotal: Number(totals.shipping_subtotal),
        tax_total: Number(totals.tax_total),
        total: Number(totals.total),
      });
      prepared.stock.push({
        order_id: orderId,
        lines: lines.map(({ item, variant }) => ({
          variant_id: variant.id,
          quantity: item.quantity,
          allow_backorder: variant.allow_backorder,
          inventory: variant.manage_inventory
            ? (variant.inventory_items ?? []).flatMap((i) =>
                i
                  ? [
                      {
                        inventory_item_id: i.inventory_item_id,
                        required_quantity: Number(i.required_quantity),
                      },
                    ]
                  : [],
              )
            : [],
        })),
      });
    }),
  );
  return prepared;
}
