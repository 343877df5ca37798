import type { CreateOrderDTO, MedusaContainer } from "@medusajs/framework/types";
import {
  ContainerRegistrationKeys,
  decorateCartTotals,
  Modules,
  OrderStatus,
  OrderWorkflowEvents,
  QueryContext,
  ReservationItemWorkflowEvents,
} from "@medusajs/framework/utils";
import {
  createStep,
  createWorkflow,
  StepResponse,
  transform,
  type WorkflowData,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk";
import {
  addOrderTransactionStep,
  createOrdersStep,
  createRemoteLinkStep,
  emitEventStep,
  reserveInventoryStep,
} from "@medusajs/medusa/core-flows";
import type { IntakeRow } from "../modules/checkout-intake/service";
import { PRODUCTION_MODULE } from "../modules/production";
import type ProductionModuleService from "../modules/production/service";

/** The payment provider intakes are authorised with: Medusa's system provider, as the demo shop's. */
export const INTAKE_PAYMENT_PROVIDER = "pp_system_default";

/** The order an intake becomes has the intake's ULID: a second order for it cannot be inserted. */
export function orderIdFor(intakeId: string): string {
  return intakeId.replace(/^cint_/, "order_");
}

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

export interface PreparedOrders {
  orders: CreateOrderDTO[];
  totals: { order_id: string; amount: number; currency_code: string }[];
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
  intakes: IntakeRow[],
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
  intakes: IntakeRow[],
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

interface ReservationInput {
  id: string;
  variant_id: string;
  inventory_item_id: string;
  required_quantity: number;
  allow_backorder: boolean;
  quantity: number;
  location_ids: string[];
}

/** The stock locations each sales channel sells from. */
async function channelLocations(
  container: MedusaContainer,
  channelIds: string[],
): Promise<Record<string, string[]>> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY);
  const { data } = await query.graph({
    entity: "sales_channel",
    fields: ["id", "stock_locations.id"],
    filters: { id: [...new Set(channelIds)] },
  });
  const locations: Record<string, string[]> = {};
  for (const channel of data as unknown as {
    id: string;
    stock_locations?: ({ id: string } | null)[] | null;
  }[]) {
    locations[channel.id] = (channel.stock_locations ?? []).flatMap((l) => (l ? [l.id] : []));
  }
  return locations;
}

/**
 * Reads what the orders need from Medusa (variants with their product and inventory, the
 * shipping option's price in the region's currency, tax lines from the tax module for each
 * delivery address, the sales channels' stock locations) and builds the orders as Medusa's
 * cart completion would: items at the price the intake was accepted at (taken from Medusa's
 * pricing then), the shipping method, tax lines and totals. Reads only.
 */
export const prepareIntakeOrdersStep = createStep(
  "prepare-intake-orders",
  async (intakes: IntakeRow[], { container }) => {
    const tax = container.resolve(Modules.TAX);
    const query = container.resolve(ContainerRegistrationKeys.QUERY);
    const [variants, options, location_ids, regions] = await Promise.all([
      loadVariants(container, intakes),
      loadShippingOptions(container, intakes),
      channelLocations(
        container,
        intakes.map((i) => i.sales_channel_id),
      ),
      query.graph({
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
    const prepared: PreparedOrders = { orders: [], totals: [], stock: [], location_ids };
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
          if (!variant) throw new Error(`Variant ${item.variant_id} is no longer sold.`);
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
        } as unknown as Parameters<typeof decorateCartTotals>[0]) as { total: unknown };
        prepared.orders.push(order);
        prepared.totals.push({
          order_id: orderId,
          amount: Number(totals.total),
          currency_code: intake.currency_code,
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
    return new StepResponse(prepared);
  },
);

interface Authorised {
  order_id: string;
  payment_collection_id: string;
  payment_id: string;
  captures: { id: string; amount: unknown }[];
  currency_code: string;
}

/**
 * A payment collection per order for its total, a session with the intake payment provider,
 * authorised. Compensation cancels the payments and deletes the collections.
 */
export const authoriseIntakePaymentsStep = createStep(
  "authorise-intake-payments",
  async (totals: PreparedOrders["totals"], { container }) => {
    const payments = container.resolve(Modules.PAYMENT);
    const collections = await payments.createPaymentCollections(
      totals.map((t) => ({ amount: t.amount, currency_code: t.currency_code })),
    );
    const authorised: Authorised[] = [];
    const compensation = {
      collections: collections.map((c) => c.id),
      payments: [] as string[],
    };
    try {
      for (const [index, collection] of collections.entries()) {
        const total = totals[index];
        if (!total) continue;
        const session = await payments.createPaymentSession(collection.id, {
          provider_id: INTAKE_PAYMENT_PROVIDER,
          currency_code: total.currency_code,
          amount: total.amount,
          data: {},
        });
        const payment = await payments.authorizePaymentSession(session.id, {});
        if (!payment) throw new Error(`Payment for ${total.order_id} was not authorised.`);
        compensation.payments.push(payment.id);
        authorised.push({
          order_id: total.order_id,
          payment_collection_id: collection.id,
          payment_id: payment.id,
          captures: (payment.captures ?? []).map((c) => ({ id: c.id, amount: c.amount })),
          currency_code: total.currency_code,
        });
      }
    } catch (error) {
      await undoPayments(container, compensation);
      throw error;
    }
    return new StepResponse(authorised, compensation);
  },
  async (compensation, { container }) => {
    if (compensation) await undoPayments(container, compensation);
  },
);

async function undoPayments(
  container: MedusaContainer,
  { collections, payments: paymentIds }: { collections: string[]; payments: string[] },
) {
  const payments = container.resolve(Modules.PAYMENT);
  for (const id of paymentIds) await payments.cancelPayment(id);
  if (collections.length) await payments.deletePaymentCollections(collections);
}

/** Each intake's production allocation names its order (compensation: it no longer does). */
export const assignIntakeBatchesStep = createStep(
  "assign-intake-batches",
  async (pairs: { key: string; order_id: string }[], { container }) => {
    const production: ProductionModuleService = container.resolve(PRODUCTION_MODULE);
    // Compensation unassigns only what this step assigned (a resumed order may have had it).
    const assigned = await production.assignOrders(pairs);
    return new StepResponse(undefined, assigned);
  },
  async (orderIds, { container }) => {
    if (!orderIds?.length) return;
    const production: ProductionModuleService = container.resolve(PRODUCTION_MODULE);
    await production.unassignOrders(orderIds);
  },
);

/**
 * What follows the orders' creation, shared by conversion and resumption: stock reserved, the
 * payment authorised and linked (with its captures as order transactions), the batch
 * allocations pointed at the orders, `order.placed` emitted.
 */
function completeIntakeOrders(input: {
  reservations: WorkflowData<{ items: ReservationInput[] }>;
  lineOrders: WorkflowData<Record<string, string>>;
  totals: WorkflowData<PreparedOrders["totals"]>;
  pairs: WorkflowData<{ key: string; order_id: string }[]>;
  placed: WorkflowData<string[]>;
}) {
  const reserved = reserveInventoryStep(input.reservations);
  const authorised = authoriseIntakePaymentsStep(input.totals);
  const links = transform({ authorised }, ({ authorised }) =>
    authorised.map((a) => ({
      [Modules.ORDER]: { order_id: a.order_id },
      [Modules.PAYMENT]: { payment_collection_id: a.payment_collection_id },
    })),
  );
  createRemoteLinkStep(links);
  const transactions = transform({ authorised }, ({ authorised }) =>
    authorised.flatMap((a) =>
      a.captures.map((capture) => ({
        order_id: a.order_id,
        amount: capture.amount as number,
        currency_code: a.currency_code,
        reference: "capture",
        reference_id: capture.id,
      })),
    ),
  );
  addOrderTransactionStep(transactions);
  assignIntakeBatchesStep(input.pairs);
  const placedEvents = transform({ placed: input.placed }, ({ placed }) =>
    placed.map((id) => ({ id })),
  );
  emitEventStep({ eventName: OrderWorkflowEvents.PLACED, data: placedEvents });
  const reservationEvents = transform(
    { reserved, lineOrders: input.lineOrders },
    ({ reserved, lineOrders }) =>
      (reserved ?? []).map((r) => ({ id: r.id, order_id: lineOrders[r.line_item_id ?? ""] })),
  );
  emitEventStep({
    eventName: ReservationItemWorkflowEvents.CREATED,
    data: reservationEvents,
  }).config({ name: "emit-reservation-item-created" });
}

/**
 * Turns accepted checkout intakes into Medusa orders, many at once: what Medusa's cart
 * completion does for one cart (orders with items, shipping method and tax lines; stock
 * reserved; payment authorised and linked; `order.placed` emitted), without making a cart
 * per shopper first. Each step undoes itself if a later one fails, so the batch is all or
 * nothing. The intakes' prices, batches and stock holds were settled when they were accepted.
 */
export const convertIntakesWorkflow = createWorkflow(
  "convert-checkout-intakes",
  (input: { intakes: IntakeRow[] }) => {
    const intakes = transform({ input }, ({ input }) => input.intakes);
    const prepared = prepareIntakeOrdersStep(intakes);
    const orders = transform({ prepared }, ({ prepared }) => prepared.orders);
    const created = createOrdersStep(orders);

    const reservations = transform({ prepared, created }, ({ prepared, created }) => {
      const items: ReservationInput[] = [];
      for (const order of created) {
        const stock = prepared.stock.find((s) => s.order_id === order.id);
        const source = prepared.orders.find((o) => (o as { id?: string }).id === order.id);
        const locations = prepared.location_ids[source?.sales_channel_id ?? ""] ?? [];
        const remaining = [...(order.items ?? [])];
        for (const line of stock?.lines ?? []) {
          const at = remaining.findIndex(
            (i) => i.variant_id === line.variant_id && Number(i.quantity) === line.quantity,
          );
          const [item] = at >= 0 ? remaining.splice(at, 1) : [];
          if (!item) throw new Error(`Order ${order.id} lacks its ${line.variant_id} line.`);
          for (const inventory of line.inventory) {
            items.push({
              id: item.id,
              variant_id: line.variant_id,
              inventory_item_id: inventory.inventory_item_id,
              required_quantity: inventory.required_quantity,
              allow_backorder: line.allow_backorder,
              quantity: line.quantity,
              location_ids: locations,
            });
          }
        }
      }
      return { items };
    });
    const totals = transform({ prepared }, ({ prepared }) => prepared.totals);
    const pairs = transform({ input }, ({ input }) =>
      input.intakes.map((intake) => ({ key: intake.id, order_id: orderIdFor(intake.id) })),
    );
    const placed = transform({ created }, ({ created }) => created.map((o) => o.id));
    const lineOrders = transform({ created }, ({ created }) =>
      Object.fromEntries(created.flatMap((o) => (o.items ?? []).map((i) => [i.id, o.id]))),
    );
    completeIntakeOrders({ reservations, lineOrders, totals, pairs, placed });
    return new WorkflowResponse(placed);
  },
);

interface ResumeOrderRow {
  id: string;
  sales_channel_id: string | null;
  currency_code: string;
  total: unknown;
  items?: ({ id: string; variant_id: string | null; quantity: unknown } | null)[] | null;
  payment_collections?: ({ id: string } | null)[] | null;
}

interface InventoryVariantRow {
  id: string;
  manage_inventory: boolean;
  allow_backorder: boolean;
  inventory_items?: ({ inventory_item_id: string; required_quantity: number } | null)[] | null;
}

/**
 * For orders an interrupted conversion made (the order exists, the intake is not done): what
 * is still missing of them: reservations of lines that have none, a payment for an order
 * without one. Reads only.
 */
export const planIntakeOrderResumeStep = createStep(
  "plan-intake-order-resume",
  async (intakes: IntakeRow[], { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY);
    const inventory = container.resolve(Modules.INVENTORY);
    const { data } = await query.graph({
      entity: "order",
      fields: [
        "id",
        "sales_channel_id",
        "currency_code",
        "total",
        "items.id",
        "items.variant_id",
        "items.quantity",
        "payment_collections.id",
      ],
      filters: { id: intakes.map((i) => orderIdFor(i.id)) },
    });
    const orders = data as unknown as ResumeOrderRow[];
    const lines = orders.flatMap((o) =>
      (o.items ?? []).flatMap((i) => (i?.variant_id ? [{ order: o, item: i }] : [])),
    );
    const reserved = new Set(
      lines.length
        ? (
            await inventory.listReservationItems(
              { line_item_id: lines.map((l) => l.item.id) },
              { select: ["line_item_id"] },
            )
          ).map((r) => r.line_item_id)
        : [],
    );
    const missing = lines.filter((l) => !reserved.has(l.item.id));
    const [variantRows, locations] = await Promise.all([
      missing.length
        ? query.graph({
            entity: "variant",
            fields: [
              "id",
              "manage_inventory",
              "allow_backorder",
              "inventory_items.inventory_item_id",
              "inventory_items.required_quantity",
            ],
            filters: { id: [...new Set(missing.map((l) => l.item.variant_id ?? ""))] },
          })
        : { data: [] },
      channelLocations(
        container,
        orders.flatMap((o) => (o.sales_channel_id ? [o.sales_channel_id] : [])),
      ),
    ]);
    const variants = new Map(
      (variantRows.data as unknown as InventoryVariantRow[]).map((v) => [v.id, v]),
    );
    const items: ReservationInput[] = [];
    const lineOrders: Record<string, string> = {};
    for (const { order, item } of missing) {
      const variant = variants.get(item.variant_id ?? "");
      if (!variant?.manage_inventory) continue;
      lineOrders[item.id] = order.id;
      for (const link of variant.inventory_items ?? []) {
        if (!link) continue;
        items.push({
          id: item.id,
          variant_id: variant.id,
          inventory_item_id: link.inventory_item_id,
          required_quantity: Number(link.required_quantity),
          allow_backorder: variant.allow_backorder,
          quantity: Number(item.quantity),
          location_ids: locations[order.sales_channel_id ?? ""] ?? [],
        });
      }
    }
    return new StepResponse({
      reservations: { items },
      lineOrders,
      totals: orders
        .filter((o) => !(o.payment_collections ?? []).some(Boolean))
        .map((o) => ({ order_id: o.id, amount: Number(o.total), currency_code: o.currency_code })),
      pairs: orders.map((o) => ({
        key: intakes.find((i) => orderIdFor(i.id) === o.id)?.id ?? "",
        order_id: o.id,
      })),
      placed: orders.map((o) => o.id),
    });
  },
);

/**
 * Completes orders whose conversion was cut off after the order was stored (a process killed
 * mid-workflow: Medusa's in-process workflow engine has nothing to resume from). Adds only what
 * is missing, and emits `order.placed` again: the confirmation email is sent once per order
 * whatever the number of events (its idempotency key).
 */
export const resumeIntakeOrdersWorkflow = createWorkflow(
  "resume-checkout-intake-orders",
  (input: { intakes: IntakeRow[] }) => {
    const intakes = transform({ input }, ({ input }) => input.intakes);
    const plan = planIntakeOrderResumeStep(intakes);
    completeIntakeOrders({
      reservations: transform({ plan }, ({ plan }) => plan.reservations),
      lineOrders: transform({ plan }, ({ plan }) => plan.lineOrders),
      totals: transform({ plan }, ({ plan }) => plan.totals),
      pairs: transform({ plan }, ({ plan }) => plan.pairs),
      placed: transform({ plan }, ({ plan }) => plan.placed),
    });
    return new WorkflowResponse(transform({ plan }, ({ plan }) => plan.placed));
  },
);
