/**
 * The shopper's cart, in one of two forms:
 * - a basket kept in this browser (localStorage): which covers and how many, in which region.
 *   "Add to cart" costs the shop nothing, which is what lets a launch take its rush: the shop
 *   prices the basket on the cart page and the checkout (the launch queue's quote) and takes it
 *   in one call at Place order. The basket holds no price; the shop never reads one from it.
 * - a Medusa cart, where Medusa's own cart is needed: a promotion code, a card checkout, a
 *   retailer's credit. The basket becomes one in one call (`cartFromBasket`), and from then on
 *   covers go into that cart.
 * At most one of the two holds covers at a time.
 */
import type { HttpTypes } from "@medusajs/types";
import { atom, computed } from "nanostores";
import {
  isRegionKey,
  orderLimitMessage,
  orderLimitProblem,
  orderLimits,
  type RegionKey,
  regions,
} from "../product/index.ts";
import { medusa } from "./medusa.ts";
import { regionId } from "./region.ts";

const CART_KEY = "camslide.cart";
const BASKET_KEY = "camslide.basket";
/** The basket handed to the launch queue, kept until its order exists (or given back). */
const PLACED_KEY = "camslide.basket.placed";

export type Cart = HttpTypes.StoreCart;

export interface BasketLine {
  variant_id: string;
  sku: string;
  quantity: number;
}

export interface Basket {
  region: RegionKey;
  region_id: string;
  lines: BasketLine[];
}

/** The shopper's Medusa cart as Medusa last returned it; undefined until loaded, null when none. */
export const $cart = atom<Cart | null | undefined>(undefined);
/** The basket in this browser; null when it holds nothing. */
export const $basket = atom<Basket | null | undefined>(undefined);
export const $cartCount = computed([$cart, $basket], (cart, basket) =>
  cart?.items?.length
    ? cart.items.reduce((sum, item) => sum + item.quantity, 0)
    : (basket?.lines ?? []).reduce((sum, line) => sum + line.quantity, 0),
);

const CART_FIELDS =
  "*items,*items.variant,*promotions,*shipping_methods,*shipping_address,+discount_subtotal";

function isNotFound(error: unknown): boolean {
  return (error as { status?: number } | null)?.status === 404;
}

function refused(message: string): Error {
  return Object.assign(new Error(message), { status: 400 });
}

const isCount = (value: unknown, max: number): value is number =>
  typeof value === "number" && Number.isSafeInteger(value) && value >= 1 && value <= max;

/** A basket as stored, or null when what is stored is not one (edited, from an older shop). */
export function parseBasket(stored: string | null): Basket | null {
  if (!stored) return null;
  let value: unknown;
  try {
    value = JSON.parse(stored);
  } catch {
    return null;
  }
  const b = value as Partial<Basket> | null;
  if (!b || !isRegionKey(b.region) || typeof b.region_id !== "string" || !b.region_id) {
    return null;
  }
  if (!Array.isArray(b.lines) || b.lines.length === 0 || b.lines.length > orderLimits.lines) {
    return null;
  }
  const lines = b.lines.filter(
    (l: Partial<BasketLine> | null) =>
      typeof l?.variant_id === "string" &&
      typeof l.sku === "string" &&
      isCount(l.quantity, orderLimits.quantityPerLine),
  ) as BasketLine[];
  return lines.length === b.lines.length && !orderLimitProblem(lines)
    ? { region: b.region, region_id: b.region_id, lines }
    : null;
}

/** The basket with `quantity` more of a cover, or a refusal naming the limit it would pass. */
export function withLine(
  basket: Basket | null,
  target: { region: RegionKey; region_id: string },
  line: BasketLine,
): Basket {
  // The basket follows the shopper's region: the covers are the same, the shop prices them anew.
  const lines = basket ? basket.lines.map((l) => ({ ...l })) : [];
  if (!isCount(line.quantity, Number.MAX_SAFE_INTEGER)) {
    throw refused("quantity must be a whole number of covers.");
  }
  const same = lines.find((l) => l.variant_id === line.variant_id);
  if (same) same.quantity += line.quantity;
  else lines.push({ ...line });
  // The shop's own rule, so a basket the page accepted is one every checkout path accepts.
  const problem = orderLimitProblem(lines);
  if (problem) throw refused(orderLimitMessage(problem));
  return { ...target, lines };
}

function storeBasket(basket: Basket | null): void {
  if (basket && basket.lines.length > 0) {
    window.localStorage.setItem(BASKET_KEY, JSON.stringify(basket));
    $basket.set(basket);
  } else {
    window.localStorage.removeItem(BASKET_KEY);
    $basket.set(null);
  }
}

function readBasket(): Basket | null {
  const basket = parseBasket(window.localStorage.getItem(BASKET_KEY));
  if (!basket) window.localStorage.removeItem(BASKET_KEY);
  $basket.set(basket);
  return basket;
}

let loading: Promise<Cart | null> | undefined;

/**
 * Loads the basket, and the Medusa cart whose id this browser remembers. A cart Medusa no
 * longer knows (deleted, completed, another database) is forgotten silently, so a stale id
 * never blocks shopping. Resolves to the Medusa cart (null when there is none).
 */
export function loadCart(): Promise<Cart | null> {
  readBasket();
  // The header and the page ask at the same moment: one request answers both.
  loading ??= readCart().finally(() => {
    loading = undefined;
  });
  return loading;
}

async function readCart(): Promise<Cart | null> {
  const id = window.localStorage.getItem(CART_KEY);
  if (!id) {
    $cart.set(null);
    return null;
  }
  try {
    const { cart } = await medusa.store.cart.retrieve(id, { fields: CART_FIELDS });
    if (cart.completed_at) throw Object.assign(new Error("completed"), { status: 404 });
    $cart.set(cart);
    return cart;
  } catch (error) {
    if (!isNotFound(error)) throw error;
    window.localStorage.removeItem(CART_KEY);
    $cart.set(null);
    return null;
  }
}

/** The shopper's open Medusa cart in this region (moved here if it was in another), or null. */
async function cartIn(region_id: string): Promise<Cart | null> {
  const current = $cart.get() ?? (await loadCart());
  if (!current) return null;
  if (current.region_id === region_id) return current;
  const { cart } = await medusa.store.cart.update(
    current.id,
    { region_id },
    { fields: CART_FIELDS },
  );
  return cart;
}

/**
 * Adds a cover. Into the Medusa cart when the shopper has one (`medusaCart`, or an open cart
 * from before), else into the basket, without a call to the shop. Prices are always Medusa's.
 */
export async function addToCart(
  region: RegionKey,
  variant: { id: string; sku: string },
  quantity: number,
  options: { medusaCart?: boolean } = {},
): Promise<void> {
  const region_id = await regionId(region, regions[region].name);
  if (options.medusaCart && ($basket.get() ?? readBasket())) await cartFromBasket();
  const current = await cartIn(region_id);
  if (!current && !options.medusaCart) {
    storeBasket(
      withLine(
        $basket.get() ?? readBasket(),
        { region, region_id },
        {
          variant_id: variant.id,
          sku: variant.sku,
          quantity,
        },
      ),
    );
    return;
  }
  if (!current) {
    // A first cover makes the cart with its line in one call (one Medusa workflow, not two).
    const { cart } = await medusa.store.cart.create(
      { region_id, items: [{ variant_id: variant.id, quantity }] },
      { fields: CART_FIELDS },
    );
    window.localStorage.setItem(CART_KEY, cart.id);
    $cart.set(cart);
    return;
  }
  const { cart: updated } = await medusa.store.cart.createLineItem(
    current.id,
    { variant_id: variant.id, quantity },
    { fields: CART_FIELDS },
  );
  $cart.set(updated);
}

/**
 * The basket as a Medusa cart, made in one call, for what only Medusa's cart does (promotion
 * codes, cards, a retailer's credit). The basket is emptied once the cart exists.
 */
export async function cartFromBasket(): Promise<Cart | null> {
  const basket = $basket.get() ?? readBasket();
  if (!basket) return $cart.get() ?? null;
  const { cart } = await medusa.store.cart.create(
    {
      region_id: basket.region_id,
      items: basket.lines.map((l) => ({ variant_id: l.variant_id, quantity: l.quantity })),
    },
    { fields: CART_FIELDS },
  );
  window.localStorage.setItem(CART_KEY, cart.id);
  $cart.set(cart);
  storeBasket(null);
  return cart;
}

/**
 * Asks the shop about the basket. If the shop no longer knows the basket's region id (it was
 * set up again since the basket was filled), the basket takes the region's current id and the
 * shop is asked once more.
 */
export async function withBasketRegion<T>(
  basket: Basket,
  ask: (basket: Basket) => Promise<T>,
): Promise<T> {
  try {
    return await ask(basket);
  } catch (error) {
    if (!/Unknown region/.test((error as { message?: string } | null)?.message ?? "")) throw error;
    const id = await regionId(basket.region, regions[basket.region].name);
    if (id === basket.region_id) throw error;
    const current = { ...basket, region_id: id };
    storeBasket(current);
    return ask(current);
  }
}

/** A line's new quantity: a basket line is named by its variant, a cart line by its id. */
export async function setQuantity(lineId: string, quantity: number) {
  if (quantity <= 0) return removeLine(lineId);
  const basket = $basket.get();
  if (basket) {
    if (!isCount(quantity, Number.MAX_SAFE_INTEGER)) {
      throw refused("quantity must be a whole number of covers.");
    }
    const lines = basket.lines.map((l) => (l.variant_id === lineId ? { ...l, quantity } : l));
    const problem = orderLimitProblem(lines);
    if (problem) throw refused(orderLimitMessage(problem));
    storeBasket({ ...basket, lines });
    return;
  }
  const cart = $cart.get();
  if (!cart) return;
  const { cart: updated } = await medusa.store.cart.updateLineItem(
    cart.id,
    lineId,
    { quantity },
    { fields: CART_FIELDS },
  );
  $cart.set(updated);
}

export async function removeLine(lineId: string) {
  const basket = $basket.get();
  if (basket) {
    storeBasket({ ...basket, lines: basket.lines.filter((l) => l.variant_id !== lineId) });
    return;
  }
  const cart = $cart.get();
  if (!cart) return;
  await medusa.store.cart.deleteLineItem(cart.id, lineId);
  await loadCart();
}

/** Applies a code on Medusa's cart (a basket becomes one first). */
export async function applyPromotion(code: string) {
  const cart = $basket.get() ? await cartFromBasket() : $cart.get();
  if (!cart) return;
  const { cart: updated } = await medusa.store.cart.update(
    cart.id,
    { promo_codes: [code] },
    { fields: CART_FIELDS },
  );
  $cart.set(updated);
  return updated;
}

export async function removePromotion(code: string) {
  const cart = $cart.get();
  if (!cart) return;
  await medusa.client.fetch(`/store/carts/${cart.id}/promotions`, {
    method: "DELETE",
    body: { promo_codes: [code] },
  });
  await loadCart();
}

/** A cart the shop opened again (a launch-queue checkout that could not become an order). */
export function restoreCart(cartId: string): void {
  window.localStorage.setItem(CART_KEY, cartId);
  $cart.set(undefined);
}

/**
 * The basket goes to the launch queue as intake `intakeId`: it leaves the cart, and is kept
 * aside until the intake is an order, so a checkout the shop could not make gives it back.
 */
export function basketPlaced(intakeId: string): void {
  const basket = $basket.get();
  if (basket) {
    window.localStorage.setItem(PLACED_KEY, JSON.stringify({ intake: intakeId, basket }));
  }
  storeBasket(null);
}

/** The intake became an order (`failed` false) or could not (its basket comes back). */
export function settlePlacedBasket(intakeId: string, failed: boolean): void {
  interface Placed {
    intake?: unknown;
    basket?: unknown;
  }
  let placed: Placed | null = null;
  try {
    placed = JSON.parse(window.localStorage.getItem(PLACED_KEY) ?? "null") as Placed | null;
  } catch {}
  if (!placed || placed.intake !== intakeId) return;
  window.localStorage.removeItem(PLACED_KEY);
  const given = parseBasket(JSON.stringify(placed.basket));
  if (!failed || !given) return;
  // Into the basket the shopper may have started since, as far as one checkout's limits allow.
  let basket = readBasket();
  for (const line of given.lines) {
    try {
      basket = withLine(basket, basket ?? given, line);
    } catch {}
  }
  storeBasket(basket);
}

/** After an order: this browser's next cart starts empty. */
export function forgetCart(): void {
  window.localStorage.removeItem(CART_KEY);
  $cart.set(null);
  storeBasket(null);
}

export { CART_FIELDS };
