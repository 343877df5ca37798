import Medusa from "@medusajs/js-sdk";
import type { HttpTypes } from "@medusajs/types";
import { inject } from "vitest";
import { type RegionKey, regions, shippingOptions } from "../../src/product/index.ts";

/** A store client as the browser has it: the base URL and the publishable key, nothing more. */
export function storeClient(): Medusa {
  const { backendUrl, seeded } = inject("integration");
  return new Medusa({ baseUrl: backendUrl, publishableKey: seeded.publishableKey });
}

export async function regionId(sdk: Medusa, key: RegionKey): Promise<string> {
  const { regions: found } = await sdk.store.region.list({ name: regions[key].name });
  const region = found[0];
  if (!region) throw new Error(`no region ${regions[key].name}`);
  return region.id;
}

export async function variantsIn(sdk: Medusa, region: string) {
  const { products } = await sdk.store.product.list({
    handle: "camslide",
    region_id: region,
    fields: "*variants.calculated_price,+variants.inventory_quantity",
  });
  return products[0]?.variants ?? [];
}

export async function variantIdBySku(sdk: Medusa, region: string, sku: string): Promise<string> {
  const variant = (await variantsIn(sdk, region)).find((v) => v.sku === sku);
  if (!variant) throw new Error(`no variant ${sku}`);
  return variant.id;
}

/** What the store API answers to a call that should fail: its HTTP status and message. */
export async function failure(
  call: Promise<unknown>,
): Promise<{ status: number; message: string }> {
  try {
    await call;
  } catch (error) {
    const { status, message } = error as { status?: number; message?: string };
    return { status: status ?? 0, message: message ?? "" };
  }
  throw new Error("expected the store API to refuse this call, but it succeeded");
}

export const swissAddress: HttpTypes.StoreAddAddress = {
  first_name: "Anna",
  last_name: "Muster",
  address_1: "Bahnhofstrasse 1",
  city: "Zürich",
  postal_code: "8001",
  country_code: "ch",
  phone: "+41 44 000 00 00",
};

/** Rounds a Medusa amount (major units, unrounded) to minor units for comparison. */
export function minor(amount: number | undefined | null): number {
  return Math.round((amount ?? Number.NaN) * 100);
}

/** A cart with one line, an email, a Swiss address, standard shipping and a payment session. */
export async function readyCart(
  sdk: Medusa,
  region: string,
  variantId: string,
  quantity: number,
  email = "buyer@example.ch",
): Promise<string> {
  let { cart } = await sdk.store.cart.create({
    region_id: region,
    email,
    items: [{ variant_id: variantId, quantity }],
    shipping_address: swissAddress,
  });
  const { shipping_options } = await sdk.store.fulfillment.listCartOptions({ cart_id: cart.id });
  const option = shipping_options.find((o) => o.name === shippingOptions.standard.name);
  if (!option) throw new Error("no standard shipping for a Swiss cart");
  ({ cart } = await sdk.store.cart.addShippingMethod(cart.id, { option_id: option.id }));
  await sdk.store.payment.initiatePaymentSession(cart, { provider_id: "pp_system_default" });
  return cart.id;
}
