/**
 * The checkout through Medusa's launch queue (POST /store/checkout-intakes, see the backend's
 * README section "Launch day"): the shopper's basket (or Medusa cart) is taken in one call and
 * answered at once with its batch; the order is made in the background and this page follows
 * it. Prices and totals come from the shop's quote, never from the page.
 */
import type { ShippingOptionKey } from "../product/index.ts";
import type { AddressInput } from "./address.ts";
import type { Basket } from "./cart.ts";
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

/** What the queue takes: a Medusa cart by id, or the browser's basket (region and lines). */
export type Lines =
  | { cart_id: string }
  | { region_id: string; items: { variant_id: string; quantity: number }[] };

/** The lines of a basket, or the cart's id. */
export function linesOf(source: Basket | { id: string }): Lines {
  return "lines" in source
    ? {
        region_id: source.region_id,
        items: source.lines.map((l) => ({ variant_id: l.variant_id, quantity: l.quantity })),
      }
    : { cart_id: source.id };
}

/** What each delivery option costs for these lines and address, with the order's totals. */
export async function quoteCart(lines: Lines, address: Partial<AddressInput>): Promise<Quote> {
  const { quote } = await medusa.client.fetch<{ quote: Quote }>("/store/checkout-intakes/quote", {
    method: "POST",
    body: { ...lines, shipping_address: address },
  });
  return quote;
}

export interface PricedLines {
  currency_code: string;
  items: { variant_id: string; quantity: number; unit_price: number; subtotal: number }[];
  item_subtotal: number;
}

/** The basket's lines at Medusa's prices, for the cart page (no address yet: no tax, no delivery). */
export async function priceLines(lines: Lines): Promise<PricedLines> {
  const { quote } = await medusa.client.fetch<{ quote: PricedLines }>(
    "/store/checkout-intakes/quote",
    { method: "POST", body: lines },
  );
  return quote;
}

/** A cart's key is kept per cart; the basket's until its checkout is answered. */
const keyFor = (lines: Lines) =>
  `camslide.intake-key.${"cart_id" in lines ? lines.cart_id : "basket"}`;

/**
 * Places the cart in the queue. The Idempotency-Key is kept for the cart in this tab, so a
 * retry after a lost answer (or a double click) finds the first intake instead of a second.
 */
export async function placeCart(
  lines: Lines,
  body: {
    email: string;
    locale: string;
    shipping_address: AddressInput;
    shipping: ShippingOptionKey;
  },
): Promise<Intake> {
  let key = window.sessionStorage.getItem(keyFor(lines));
  if (!key) {
    key = crypto.randomUUID();
    window.sessionStorage.setItem(keyFor(lines), key);
  }
  const { intake } = await medusa.client.fetch<{ intake: Intake }>("/store/checkout-intakes", {
    method: "POST",
    headers: { "idempotency-key": key },
    body: { ...lines, ...body },
  });
  return intake;
}

/** Forgets the key once its intake is answered (a new cart or basket gets a new key). */
export function forgetIntakeKey(lines: Lines): void {
  window.sessionStorage.removeItem(keyFor(lines));
}

export async function intakeStatus(id: string, accessToken: string): Promise<Intake> {
  const { intake } = await medusa.client.fetch<{ intake: Intake }>(
    `/store/checkout-intakes/${encodeURIComponent(id)}`,
    { query: { token: accessToken } },
  );
  return intake;
}
