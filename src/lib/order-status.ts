import type { Totals } from "../components/CartTotals.tsx";
import { medusa } from "./medusa.ts";
import type { ShipPromise } from "./promise.ts";

export interface OrderStatus {
  order: Totals & {
    id: string;
    display_id: number;
    email: string;
    created_at: string;
    canceled_at: string | null;
    items: {
      id: string;
      variant_sku: string | null;
      title: string;
      quantity: number;
      subtotal: number;
    }[];
    shipping_address: {
      first_name: string | null;
      last_name: string | null;
      address_1: string | null;
      postal_code: string | null;
      city: string | null;
      country_code: string | null;
    } | null;
  };
  batch: (ShipPromise & { state: string }) | null;
  shipments: { shipped_at: string; tracking: { number: string; url: string }[] }[];
  state: "placed" | "shipped" | "canceled";
  can_cancel: boolean;
  /** Handed to the 3PL: no longer cancellable. */
  exported: boolean;
  /** Last day to ask for a return (shipped orders), else null. */
  return_by: string | null;
  return_requested: boolean;
  can_return: boolean;
}

/** The signed status link for the order this browser just placed (the cart id proves it). */
export async function orderLink(orderId: string, cartId: string): Promise<string> {
  const { token } = await medusa.client.fetch<{ token: string }>("/store/order-status/token", {
    method: "POST",
    body: { order_id: orderId, cart_id: cartId },
  });
  return token;
}

export function orderStatus(token: string): Promise<OrderStatus> {
  return medusa.client.fetch<OrderStatus>("/store/order-status", { query: { token } });
}

export async function lookupOrder(orderNumber: string, email: string): Promise<string> {
  const { token } = await medusa.client.fetch<{ token: string }>("/store/order-status/lookup", {
    method: "POST",
    body: { order_number: orderNumber, email },
  });
  return token;
}

export function cancelOrder(token: string): Promise<OrderStatus> {
  return medusa.client.fetch<OrderStatus>("/store/order-status/cancel", {
    method: "POST",
    body: { token },
  });
}

export function requestReturn(token: string, note: string): Promise<OrderStatus> {
  return medusa.client.fetch<OrderStatus>("/store/order-status/return", {
    method: "POST",
    body: { token, note },
  });
}
