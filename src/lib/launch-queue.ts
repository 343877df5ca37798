/**
 * The checkout through Medusa's launch queue (POST /store/checkout-intakes, see the backend's
 * README section "Launch day"): the shopper's cart is taken in one call and answered at once
 * with its batch; the order is made in the background and this page follows it. Prices and
 * totals come from the shop's quote, never from the page.
 */
import type { ShippingOptionKey } from "../product/index.ts";
import type { AddressInput } from "./address.ts";
import { medusa } from "./medusa.ts";

export interface QuoteTotals {
  currency_code: string;
  item_subtotal: number;
  shipping_subtotal: number;
  tax_total: number;
  total: number;
}

export interface QuoteOption {
  shipping: ShippingOptionKey;
  id: string;
  name: string;
  amount: number;
  totals: QuoteTotals;
}

export interface Quote {
  region_id: string;
  currency_code: string;
  shipping_options: QuoteOption[];
}

export interface Intake {
  id: string;
  access_token: string;
  status: "pending" | "converting" | "done" | "failed";
  promise: { batch_number: number; ships_by: string };
  order_id: string | null;
  order_token: string | null;
  error?: string;
  /** A failed intake's cart, opened again. */
  cart_id?: string | null;
}

/** What each delivery option costs for this cart and address, with the order's totals. */
export async function quoteCart(cartId: string, address: Partial<AddressInput>): Promise<Quote> {
  const { quote } = await medusa.client.fetch<{ quote: Quote }>("/store/checkout-intakes/quote", {
    method: "POST",
    body: { cart_id: cartId, shipping_address: address },
  });
  return quote;
}

const keyFor = (cartId: string) => `camslide.intake-key.${cartId}`;

/**
 * Places the cart in the queue. The Idempotency-Key is kept for the cart in this tab, so a
 * retry after a lost answer (or a double click) finds the first intake instead of a second.
 */
export async function placeCart(
  cartId: string,
  body: {
    email: string;
    locale: string;
    shipping_address: AddressInput;
    shipping: ShippingOptionKey;
  },
): Promise<Intake> {
  let key = window.sessionStorage.getItem(keyFor(cartId));
  if (!key) {
    key = crypto.randomUUID();
    window.sessionStorage.setItem(keyFor(cartId), key);
  }
  const { intake } = await medusa.client.fetch<{ intake: Intake }>("/store/checkout-intakes", {
    method: "POST",
    headers: { "idempotency-key": key },
    body: { cart_id: cartId, ...body },
  });
  return intake;
}

/** Forgets the cart's key once its intake is answered (a new cart gets a new key). */
export function forgetIntakeKey(cartId: string): void {
  window.sessionStorage.removeItem(keyFor(cartId));
}

export async function intakeStatus(id: string, accessToken: string): Promise<Intake> {
  const { intake } = await medusa.client.fetch<{ intake: Intake }>(
    `/store/checkout-intakes/${encodeURIComponent(id)}`,
    { query: { token: accessToken } },
  );
  return intake;
}
