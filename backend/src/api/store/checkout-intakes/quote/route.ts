import { type ShippingOptionKey, shippingOptionKeys } from "@camslide/product";
import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http";
import { generateEntityId, MathBN, MedusaError } from "@medusajs/framework/utils";
import { z } from "@medusajs/framework/zod";
import { shippingOptionFor } from "../../../../lib/intake-catalogue";
import { orderIdFor } from "../../../../lib/intake-orders";
import { prepareIntakeOrders } from "../../../../lib/intake-pricing";
import {
  Items,
  intakeLines,
  parsed,
  refuse,
  ShippingAddress,
  salesChannelOf,
  text,
} from "../lines";

/**
 * The address so far: the country decides region and shipping; the rest refines the tax.
 * Without one (the cart page), only the lines are priced.
 */
export const StoreIntakeQuoteBody = z
  .object({
    cart_id: text(40).optional(),
    region_id: text(100).optional(),
    items: Items.optional(),
    shipping_address: ShippingAddress.partial().required({ country_code: true }).optional(),
  })
  .refine(
    (body) => (body.cart_id ? !body.items && !body.region_id : body.items && body.region_id),
    { message: "send either cart_id, or region_id with items" },
  );

/**
 * POST /store/checkout-intakes/quote: what a launch-queue checkout will cost, before the
 * shopper places it. For each shipping option offered to the delivery country: its name and
 * price, and the order's totals with it (items at Medusa's prices, shipping, tax from Medusa's
 * tax module for the address, total), computed by the code that builds the order, so the
 * review shows what the order will say. Reads only; prices are never taken from the body.
 */
export async function POST(req: MedusaRequest, res: MedusaResponse) {
  const body = parsed(StoreIntakeQuoteBody, req.body);
  const salesChannelId = salesChannelOf(req);
  const country = body.shipping_address?.country_code;
  const { items, region, prices } = await intakeLines(req.scope, body, salesChannelId, country);
  const priced = items.map((item) => {
    const unit_price = prices.get(item.variant_id)?.unit_price ?? Number.NaN;
    return { ...item, unit_price, subtotal: MathBN.mult(unit_price, item.quantity).toNumber() };
  });
  const address = body.shipping_address;
  if (!address || country === undefined) {
    // The cart page: each line at Medusa's price and their sum; delivery and tax need a country.
    res.json({
      quote: {
        region_id: region.id,
        currency_code: region.currency_code,
        items: priced,
        item_subtotal: MathBN.sum(...priced.map((item) => item.subtotal)).toNumber(),
        shipping_options: [],
      },
    });
    return;
  }
  const offered: { key: ShippingOptionKey; id: string }[] = [];
  for (const key of shippingOptionKeys) {
    // An option not offered to this country is left out; any other failure is the shop's.
    const id = await shippingOptionFor(req.scope, key, country).catch((error: unknown) => {
      if (error instanceof MedusaError) return undefined;
      throw error;
    });
    if (id) offered.push({ key, id });
  }
  if (offered.length === 0) refuse(`No shipping to "${country}".`);
  const drafts = offered.map(({ id }) => ({
    id: generateEntityId(undefined, "cint"),
    region_id: region.id,
    sales_channel_id: salesChannelId,
    currency_code: region.currency_code,
    email: "",
    locale: null,
    items: priced.map(({ subtotal: _subtotal, ...item }) => item),
    shipping_address: Object.fromEntries(
      Object.entries(address).filter(([, value]) => value !== undefined),
    ) as Record<string, string>,
    shipping_option_id: id,
    promise: { batch_number: 0, ships_by: "" },
  }));
  const prepared = await prepareIntakeOrders(req.scope, drafts, { quote: true });
  res.json({
    quote: {
      region_id: region.id,
      currency_code: region.currency_code,
      items: priced,
      shipping_options: offered.map(({ key, id }, index) => {
        // Matched by id: prepareIntakeOrders lists orders as they were priced, not as given.
        const orderId = orderIdFor(drafts[index]?.id ?? "");
        const { order_id: _id, ...totals } =
          prepared.breakdown.find((b) => b.order_id === orderId) ?? {};
        const order = prepared.orders.find((o) => (o as { id?: string }).id === orderId);
        return {
          shipping: key,
          id,
          name: order?.shipping_methods?.[0]?.name ?? key,
          amount: Number(order?.shipping_methods?.[0]?.amount ?? Number.NaN),
          totals,
        };
      }),
    },
  });
}
