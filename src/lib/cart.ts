import type { HttpTypes } from "@medusajs/types";
import { atom, computed } from "nanostores";
import { type RegionKey, regions } from "../product/index.ts";
import { medusa } from "./medusa.ts";
import { regionId } from "./region.ts";

const CART_KEY = "camslide.cart";

export type Cart = HttpTypes.StoreCart;

/** The shopper's cart as Medusa last returned it; undefined until loaded, null when none. */
export const $cart = atom<Cart | null | undefined>(undefined);
export const $cartCount = computed($cart, (cart) =>
  (cart?.items ?? []).reduce((sum, item) => sum + item.quantity, 0),
);

const CART_FIELDS =
  "*items,*items.variant,*promotions,*shipping_methods,*shipping_address,+discount_subtotal";

function isNotFound(error: unknown): boolean {
  return (error as { status?: number } | null)?.status === 404;
}

let loading: Promise<Cart | null> | undefined;

/**
 * Loads the cart whose id this browser remembers. A cart Medusa no longer knows (deleted,
 * completed, another database) is forgotten silently, so a stale id never blocks shopping.
 */
export function loadCart(): Promise<Cart | null> {
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

/** The shopper's open cart in this region (moved here if it was in another), or null. */
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
 * Adds a variant; the price is Medusa's, never the page's. A first cover makes the cart with
 * its line in one call (one Medusa workflow instead of two: on a launch day every shopper does
 * this).
 */
export async function addToCart(region: RegionKey, variantId: string, quantity: number) {
  const region_id = await regionId(region, regions[region].name);
  const current = await cartIn(region_id);
  if (!current) {
    const { cart } = await medusa.store.cart.create(
      { region_id, items: [{ variant_id: variantId, quantity }] },
      { fields: CART_FIELDS },
    );
    window.localStorage.setItem(CART_KEY, cart.id);
    $cart.set(cart);
    return cart;
  }
  const { cart: updated } = await medusa.store.cart.createLineItem(
    current.id,
    { variant_id: variantId, quantity },
    { fields: CART_FIELDS },
  );
  $cart.set(updated);
  return updated;
}

export async function setQuantity(lineId: string, quantity: number) {
  const cart = $cart.get();
  if (!cart) return;
  if (quantity <= 0) return removeLine(lineId);
  const { cart: updated } = await medusa.store.cart.updateLineItem(
    cart.id,
    lineId,
    { quantity },
    { fields: CART_FIELDS },
  );
  $cart.set(updated);
}

export async function removeLine(lineId: string) {
  const cart = $cart.get();
  if (!cart) return;
  await medusa.store.cart.deleteLineItem(cart.id, lineId);
  await loadCart();
}

export async function applyPromotion(code: string) {
  const cart = $cart.get();
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

/** After an order: this browser's next cart starts empty. */
export function forgetCart(): void {
  window.localStorage.removeItem(CART_KEY);
  $cart.set(null);
}

export { CART_FIELDS };
