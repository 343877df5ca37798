/**
 * The checkout through Medusa's launch queue (POST /store/checkout-intakes, see the backend's
 * README section "Launch day"): the shopper's basket (or Medusa cart) is taken in one call and
 * answered at once with its batch; the order is made in the background and this page follows
 * it. Prices and totals come from the shop's quote, never from the page.
 */
import type { ShippingOptionKey } from "../product/index.ts";
import type { AddressInput } from "./address.ts";
import type { Basket } from "./cart.ts";
import { backendUrl, medusa, publishableKey } from "./medusa.ts";

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
  /** While it waits: when to ask again, about when its order should exist. */
  poll_after_ms?: number;
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

/**
 * A Place order whose outcome is not known (sent, and no answer came back), kept until the shop
 * has said what became of it.
 */
export interface PendingAttempt {
  /** The Idempotency-Key: a random value only this browser holds. */
  key: string;
  /** When it was last sent (ms since 1970). */
  at: number;
  /** What was last sent, to fill the form in again after a reload. */
  sent: CheckoutBody;
}

export interface CheckoutBody {
  email: string;
  locale: string;
  shipping_address: AddressInput;
  shipping: ShippingOptionKey;
}

/**
 * The page's earlier Place order, whose answer was lost, was taken as `intake` (with the email
 * and address it was sent with, not what the page sends now): nothing new was made.
 */
export class EarlierCheckout extends Error {
  readonly intake: Intake & { email: string; shipping_address: AddressInput };
  constructor(intake: EarlierCheckout["intake"]) {
    super("An earlier checkout from this browser was taken.");
    this.intake = intake;
  }
}

/** The shop's code for a key used before with another body (Medusa's error shape, plus `code`). */
const KEY_REUSED = "idempotency_key_reused";
/**
 * A lost answer is asked about for a day; after that the shopper has had the shop's email if it
 * became an order, and a new checkout gets a new key.
 */
const ATTEMPT_TTL_MS = 24 * 60 * 60 * 1000;

/** Per cart, or the basket's: in localStorage, so a reloaded or another tab finds it too. */
const attemptKey = (lines: Lines) =>
  `camslide.intake-attempt.${"cart_id" in lines ? lines.cart_id : "basket"}`;

/** This browser's Place order for these lines whose outcome is not known, if any. */
export function pendingAttempt(lines: Lines): PendingAttempt | null {
  let value: Partial<PendingAttempt> | null = null;
  try {
    value = JSON.parse(window.localStorage.getItem(attemptKey(lines)) ?? "null");
  } catch {}
  const fresh =
    typeof value?.key === "string" &&
    typeof value.at === "number" &&
    Date.now() - value.at < ATTEMPT_TTL_MS &&
    typeof value.sent?.email === "string" &&
    typeof value.sent.shipping_address === "object" &&
    value.sent.shipping_address !== null;
  if (!fresh) window.localStorage.removeItem(attemptKey(lines));
  return fresh ? (value as PendingAttempt) : null;
}

function forgetAttempt(lines: Lines): void {
  window.localStorage.removeItem(attemptKey(lines));
}

/**
 * Places the cart in the queue. The attempt (its Idempotency-Key and what it sends) is stored
 * before it is sent and kept while its outcome is unknown, so every later Place order asks the
 * shop about it first, under the same key: the same body is answered with the first intake;
 * another body (the shopper edited the address after a lost answer) is refused with the first
 * intake, thrown as an EarlierCheckout; only if the first made nothing is the new body taken
 * (and the first, should it arrive late, can no longer be). A new key is made only once every
 * earlier attempt is known.
 */
export async function placeCart(lines: Lines, body: CheckoutBody): Promise<Intake> {
  const unknown = pendingAttempt(lines);
  const attempt: PendingAttempt = {
    key: unknown?.key ?? crypto.randomUUID(),
    at: Date.now(),
    sent: body,
  };
  window.localStorage.setItem(attemptKey(lines), JSON.stringify(attempt));
  // Medusa's client drops an error's body; this one is needed (the earlier intake).
  const response = await fetch(`${backendUrl}/store/checkout-intakes`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      accept: "application/json",
      "x-publishable-api-key": publishableKey,
      "idempotency-key": attempt.key,
    },
    body: JSON.stringify({ ...lines, ...body }),
  });
  const answer = (await response.json().catch(() => undefined)) as
    | { intake?: Intake & { shipping_address?: AddressInput }; code?: string; message?: string }
    | undefined;
  // A cut-off answer is no answer: the attempt stays pending.
  if (!answer) throw new TypeError("The shop's answer was lost.");
  if (response.ok && answer.intake) {
    forgetAttempt(lines);
    return answer.intake;
  }
  if (response.status === 409 && answer.code === KEY_REUSED && answer.intake?.shipping_address) {
    forgetAttempt(lines);
    throw new EarlierCheckout(answer.intake as EarlierCheckout["intake"]);
  }
  // Refused (bad input, sold out): this request made nothing, so unless an earlier one under the
  // key is still unknown, the next Place order is a new checkout.
  if (!unknown && response.status < 500) forgetAttempt(lines);
  throw Object.assign(new Error(answer.message ?? response.statusText), {
    status: response.status,
  });
}

export async function intakeStatus(id: string, accessToken: string): Promise<Intake> {
  const { intake } = await medusa.client.fetch<{ intake: Intake }>(
    `/store/checkout-intakes/${encodeURIComponent(id)}`,
    { query: { token: accessToken } },
  );
  return intake;
}
