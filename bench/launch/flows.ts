/**
 * The checkout flows the launch benchmark drives, each exactly the HTTP calls a browser makes:
 * - "storefront": every call the storefront makes where no card is taken, from the product page
 *   (region, live offer, promise; add to cart puts the cover in the browser's basket, no call)
 *   through the checkout (the queue's quote for the address, the promise, the basket placed in
 *   the launch queue) to the confirmation page's first look (7 calls); then, as the page does,
 *   it keeps asking until the order exists (on the page's own schedule,
 *   src/lib/confirmation-polling.ts) and loads the order's page, in the background while the
 *   next shoppers arrive.
 * - "cart-queue": the same with a Medusa cart made at add to cart and placed in the queue by id
 *   (what the storefront did before its basket; a retailer's credited hand-off still does): 9
 *   calls.
 * - "cart": the storefront's checkout through Medusa's cart (with cards, or a promotion code):
 *   cart, email, address, shipping, payment, completion (11 calls).
 * - "lean": one cart creation with items, email, addresses and locale (Medusa takes them all
 *   in POST /store/carts), then shipping, payment and completion (8 calls).
 * - "intake": the launch route POST /store/checkout-intakes (2 calls: the offer and the intake);
 *   the order is made in the background and checked in the database afterwards.
 */
import { nextPollDelayMs } from "../../src/lib/confirmation-polling.ts";
import { type RegionKey, regionKeys, regions } from "../../src/product/index.ts";
import type { Shopper } from "./shoppers.ts";

export const flowNames = ["storefront", "cart-queue", "cart", "lean", "intake"] as const;

/** The flows whose orders are made in the background, after the shopper is answered. */
export const queuedFlows: readonly FlowName[] = ["storefront", "cart-queue", "intake"];
export type FlowName = (typeof flowNames)[number];

/** The storefront's cart fields (src/lib/cart.ts CART_FIELDS). */
const CART_FIELDS =
  "*items,*items.variant,*promotions,*shipping_methods,*shipping_address,+discount_subtotal";

export class StepError extends Error {
  readonly step: string;
  readonly status: number;
  constructor(step: string, status: number, message: string) {
    super(message);
    this.step = step;
    this.status = status;
  }
  get kind(): string {
    return `${this.step}: ${this.status || "network"} ${this.message.slice(0, 90)}`;
  }
}

export interface Catalogue {
  /** false: the product page's live offer is served from a cache, not read per shopper. */
  readOffer: boolean;
  regionIds: Record<RegionKey, string>;
  /** variant id by region and SKU */
  variantIds: Record<RegionKey, Record<string, string>>;
}

export interface Outcome {
  /** The order id (plain flows) or the intake id (intake flow). */
  id: string;
  steps: Record<string, number>;
  /** The confirmation page following its intake after the shopper was answered. */
  following?: Promise<Following>;
}

/** What a confirmation page did after its first look. */
export interface Following {
  /** Status calls after the first look. */
  polls: number;
  /** "order": it reached the order's page; "rested": it stopped asking (2 minutes). */
  ended: "order" | "rested" | "failed";
  error?: string;
}

export class StoreApi {
  private next = 0;
  private readonly baseUrls: string[];
  private readonly publishableKey: string;
  constructor(baseUrls: string[], publishableKey: string) {
    this.baseUrls = baseUrls;
    this.publishableKey = publishableKey;
  }

  /** One shopper stays on one server, as a browser behind a sticky load balancer would. */
  pick(): string {
    const url = this.baseUrls[this.next++ % this.baseUrls.length];
    if (!url) throw new Error("no backend URL");
    return url;
  }

  async call<T>(
    base: string,
    steps: Record<string, number>,
    step: string,
    method: "GET" | "POST",
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<T> {
    const started = performance.now();
    let response: Response;
    try {
      response = await fetch(`${base}${path}`, {
        method,
        headers: {
          "x-publishable-api-key": this.publishableKey,
          ...(body === undefined ? {} : { "content-type": "application/json" }),
          ...headers,
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        signal: AbortSignal.timeout(120_000),
      });
    } catch (error) {
      throw new StepError(step, 0, error instanceof Error ? error.message : String(error));
    }
    const text = await response.text();
    steps[step] = (steps[step] ?? 0) + (performance.now() - started);
    if (!response.ok) {
      let message = text;
      try {
        message = (JSON.parse(text) as { message?: string }).message ?? text;
      } catch {}
      throw new StepError(step, response.status, message);
    }
    return JSON.parse(text) as T;
  }
}

/** The shop's region and variant ids, read once before the shoppers arrive. */
export async function loadCatalogue(api: StoreApi, readOffer: boolean): Promise<Catalogue> {
  const base = api.pick();
  const steps: Record<string, number> = {};
  const regionIds = {} as Record<RegionKey, string>;
  const variantIds = {} as Record<RegionKey, Record<string, string>>;
  const { regions: found } = await api.call<{ regions: { id: string; name: string }[] }>(
    base,
    steps,
    "regions",
    "GET",
    "/store/regions?limit=50",
  );
  for (const key of regionKeys) {
    const region = found.find((r) => r.name === regions[key].name);
    if (!region) throw new Error(`no region ${regions[key].name}`);
    regionIds[key] = region.id;
    const { products } = await api.call<{
      products: { variants: { id: string; sku: string }[] }[];
    }>(
      base,
      steps,
      "catalogue",
      "GET",
      `/store/products?handle=camslide&region_id=${region.id}&fields=*variants`,
    );
    variantIds[key] = Object.fromEntries((products[0]?.variants ?? []).map((v) => [v.sku, v.id]));
  }
  return { readOffer, regionIds, variantIds };
}

type CartReply = { cart: { id: string; payment_collection?: { id: string } | null } };

async function offer(
  api: StoreApi,
  base: string,
  steps: Record<string, number>,
  s: Shopper,
  c: Catalogue,
) {
  if (!c.readOffer) return;
  await api.call(
    base,
    steps,
    "offer",
    "GET",
    `/store/products?handle=camslide&region_id=${c.regionIds[s.region]}&fields=${encodeURIComponent("*variants.calculated_price,+variants.inventory_quantity")}`,
  );
}

async function shipPayComplete(
  api: StoreApi,
  base: string,
  steps: Record<string, number>,
  s: Shopper,
  cartId: string,
  retrieveBeforeComplete: boolean,
): Promise<string> {
  const q = `fields=${encodeURIComponent(CART_FIELDS)}`;
  const { shipping_options } = await api.call<{ shipping_options: { id: string; name: string }[] }>(
    base,
    steps,
    "shipping-options",
    "GET",
    `/store/shipping-options?cart_id=${cartId}`,
  );
  const wanted = s.shipping === "express" ? "Express" : "Standard";
  const option = shipping_options.find((o) => o.name.startsWith(wanted)) ?? shipping_options[0];
  if (!option) throw new StepError("shipping-options", 200, "no shipping option");
  await api.call(
    base,
    steps,
    "add-shipping",
    "POST",
    `/store/carts/${cartId}/shipping-methods?${q}`,
    {
      option_id: option.id,
    },
  );
  const { payment_collection } = await api.call<{ payment_collection: { id: string } }>(
    base,
    steps,
    "payment-collection",
    "POST",
    "/store/payment-collections",
    { cart_id: cartId },
  );
  await api.call(
    base,
    steps,
    "payment-session",
    "POST",
    `/store/payment-collections/${payment_collection.id}/payment-sessions`,
    { provider_id: "pp_system_default" },
  );
  if (retrieveBeforeComplete) {
    await api.call(base, steps, "review", "GET", `/store/carts/${cartId}?${q}`);
  }
  const completed = await api.call<
    { type: "order"; order: { id: string } } | { type: "cart"; error: { message: string } }
  >(base, steps, "complete", "POST", `/store/carts/${cartId}/complete`, {});
  if (completed.type !== "order") throw new StepError("complete", 200, completed.error.message);
  await api.call(base, steps, "order-link", "POST", "/store/order-status/token", {
    order_id: completed.order.id,
    cart_id: cartId,
  });
  return completed.order.id;
}

/** The product page's "Add to cart" (src/lib/cart.ts): the first cover makes the cart with it. */
async function addToCart(
  api: StoreApi,
  base: string,
  steps: Record<string, number>,
  s: Shopper,
  c: Catalogue,
): Promise<{ id: string }> {
  const q = `fields=${encodeURIComponent(CART_FIELDS)}`;
  const { cart } = await api.call<CartReply>(
    base,
    steps,
    "create-cart",
    "POST",
    `/store/carts?${q}`,
    {
      region_id: c.regionIds[s.region],
      items: [{ variant_id: c.variantIds[s.region][s.sku] ?? "", quantity: s.quantity }],
    },
  );
  return cart;
}

/** The storefront's checkout through Medusa's cart, call for call. */
async function cart(api: StoreApi, s: Shopper, c: Catalogue): Promise<Outcome> {
  const base = api.pick();
  const steps: Record<string, number> = {};
  const q = `fields=${encodeURIComponent(CART_FIELDS)}`;
  await offer(api, base, steps, s, c);
  const cart = await addToCart(api, base, steps, s, c);
  await api.call(base, steps, "email", "POST", `/store/carts/${cart.id}?${q}`, {
    email: s.email,
    metadata: { locale: s.locale },
  });
  await api.call(base, steps, "address", "POST", `/store/carts/${cart.id}?${q}`, {
    shipping_address: s.address,
    billing_address: s.address,
  });
  const id = await shipPayComplete(api, base, steps, s, cart.id, true);
  return { id, steps };
}

/** The same checkout with the cart created complete in one call. */
async function lean(api: StoreApi, s: Shopper, c: Catalogue): Promise<Outcome> {
  const base = api.pick();
  const steps: Record<string, number> = {};
  await offer(api, base, steps, s, c);
  const { cart } = await api.call<CartReply>(
    base,
    steps,
    "create-cart",
    "POST",
    "/store/carts?fields=id",
    {
      region_id: c.regionIds[s.region],
      email: s.email,
      items: [{ variant_id: c.variantIds[s.region][s.sku] ?? "", quantity: s.quantity }],
      shipping_address: s.address,
      billing_address: s.address,
      metadata: { locale: s.locale },
    },
  );
  const id = await shipPayComplete(api, base, steps, s, cart.id, false);
  return { id, steps };
}

/** The launch route: the shopper is answered at once; the order follows in the background. */
async function intake(api: StoreApi, s: Shopper, c: Catalogue): Promise<Outcome> {
  const base = api.pick();
  const steps: Record<string, number> = {};
  await offer(api, base, steps, s, c);
  const key = `bench-${s.email}`;
  const body = {
    region_id: c.regionIds[s.region],
    email: s.email,
    locale: s.locale,
    items: [{ variant_id: c.variantIds[s.region][s.sku] ?? "", quantity: s.quantity }],
    shipping_address: s.address,
    shipping: s.shipping,
  };
  const { intake: accepted } = await api.call<{ intake: { id: string } }>(
    base,
    steps,
    "intake",
    "POST",
    "/store/checkout-intakes",
    body,
    { "idempotency-key": key },
  );
  return { id: accepted.id, steps };
}

/** The product page: its region's id, the live offer, the ship-by promise. */
async function productPage(
  api: StoreApi,
  base: string,
  steps: Record<string, number>,
  s: Shopper,
  c: Catalogue,
) {
  await api.call(
    base,
    steps,
    "region",
    "GET",
    `/store/regions?name=${encodeURIComponent(regions[s.region].name)}`,
  );
  await offer(api, base, steps, s, c);
  await api.call(base, steps, "promise", "GET", `/store/production/promise?units=${s.quantity}`);
}

/**
 * The checkout from the address on: the queue's quote, the promise again at the review, Place
 * order, and the confirmation page's first look (it asks again until the order exists).
 */
async function quotePlaceConfirm(
  api: StoreApi,
  base: string,
  steps: Record<string, number>,
  s: Shopper,
  lines: { cart_id: string } | { region_id: string; items: unknown[] },
): Promise<Outcome> {
  await api.call(base, steps, "quote", "POST", "/store/checkout-intakes/quote", {
    ...lines,
    shipping_address: s.address,
  });
  await api.call(base, steps, "promise", "GET", `/store/production/promise?units=${s.quantity}`);
  const { intake: accepted } = await api.call<{ intake: { id: string; access_token: string } }>(
    base,
    steps,
    "intake",
    "POST",
    "/store/checkout-intakes",
    {
      ...lines,
      email: s.email,
      locale: s.locale,
      shipping_address: s.address,
      shipping: s.shipping,
    },
    { "idempotency-key": `bench-${s.email}` },
  );
  const statusPath = `/store/checkout-intakes/${accepted.id}?token=${encodeURIComponent(accepted.access_token)}`;
  const first = await api.call<{ intake: IntakeStatus }>(
    base,
    steps,
    "confirmation",
    "GET",
    statusPath,
  );
  return { id: accepted.id, steps, following: follow(api, base, statusPath, first.intake) };
}

interface IntakeStatus {
  status: "pending" | "converting" | "done" | "failed";
  order_token: string | null;
  poll_after_ms?: number;
}

/**
 * The confirmation page after its first look (src/components/OrderConfirmation.tsx): it asks
 * again on the page's schedule until the order exists, then loads the order's page through its
 * signed link; after 2 minutes it rests. Errors end it and are reported, as a failed shopper.
 */
async function follow(
  api: StoreApi,
  base: string,
  statusPath: string,
  first: IntakeStatus,
): Promise<Following> {
  const started = performance.now();
  const steps: Record<string, number> = {};
  let current = first;
  let polls = 0;
  try {
    for (let attempt = 0; current.status !== "done" || !current.order_token; attempt++) {
      if (current.status === "failed") return { polls, ended: "failed" };
      const delay = nextPollDelayMs(attempt, performance.now() - started, current.poll_after_ms);
      if (delay === undefined) return { polls, ended: "rested" };
      await new Promise((resolve) => setTimeout(resolve, delay));
      current = (await api.call<{ intake: IntakeStatus }>(base, steps, "poll", "GET", statusPath))
        .intake;
      polls++;
    }
    await api.call(
      base,
      steps,
      "order-page",
      "GET",
      `/store/order-status?token=${encodeURIComponent(current.order_token)}`,
    );
    return { polls, ended: "order" };
  } catch (error) {
    return {
      polls,
      ended: "failed",
      error: error instanceof StepError ? error.kind : String(error),
    };
  }
}

/**
 * A Medusa cart placed in the queue by its id: a retailer's credited hand-off, and the
 * storefront before its basket. Add to cart makes the cart; the checkout page reads it.
 */
async function cartQueue(api: StoreApi, s: Shopper, c: Catalogue): Promise<Outcome> {
  const base = api.pick();
  const steps: Record<string, number> = {};
  await productPage(api, base, steps, s, c);
  const cart = await addToCart(api, base, steps, s, c);
  const q = `fields=${encodeURIComponent(CART_FIELDS)}`;
  await api.call(base, steps, "checkout-cart", "GET", `/store/carts/${cart.id}?${q}`);
  return quotePlaceConfirm(api, base, steps, s, { cart_id: cart.id });
}

/** The storefront where no card is taken: the basket stays in the browser until Place order. */
async function storefront(api: StoreApi, s: Shopper, c: Catalogue): Promise<Outcome> {
  const base = api.pick();
  const steps: Record<string, number> = {};
  await productPage(api, base, steps, s, c);
  // Add to cart and the checkout page make no call: the basket is in the browser.
  return quotePlaceConfirm(api, base, steps, s, {
    region_id: c.regionIds[s.region],
    items: [{ variant_id: c.variantIds[s.region][s.sku] ?? "", quantity: s.quantity }],
  });
}

export const flows: Record<
  FlowName,
  (api: StoreApi, s: Shopper, c: Catalogue) => Promise<Outcome>
> = {
  storefront,
  "cart-queue": cartQueue,
  cart,
  lean,
  intake,
};
