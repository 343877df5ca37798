import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * Signed links to an order's status page. A token names the order and when it expires, and is
 * signed with a key derived from the shop's secret: knowing an order id alone gets nothing, and
 * a token cannot be altered to point at another order.
 */

const DAY_MS = 24 * 60 * 60 * 1000;
export const ORDER_LINK_DAYS = 400;

function key(secret: string): Buffer {
  return createHmac("sha256", secret).update("camslide/order-status-link/v1").digest();
}

function signature(payload: string, secret: string): string {
  return createHmac("sha256", key(secret)).update(payload).digest("base64url");
}

export function signOrderLink(orderId: string, secret: string, now = Date.now()): string {
  const expires = Math.floor((now + ORDER_LINK_DAYS * DAY_MS) / 1000);
  const payload = `${orderId}.${expires}`;
  return `${payload}.${signature(payload, secret)}`;
}

/** The order id a token grants, or null for a malformed, altered or expired token. */
export function verifyOrderLink(token: unknown, secret: string, now = Date.now()): string | null {
  if (typeof token !== "string" || token.length > 200) return null;
  const match = /^(order_[0-9A-Z]{26})\.(\d{1,12})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!match) return null;
  const [, orderId, expires, given] = match as unknown as [string, string, string, string];
  const expected = Buffer.from(signature(`${orderId}.${expires}`, secret));
  const actual = Buffer.from(given);
  if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) return null;
  if (Number(expires) * 1000 < now) return null;
  return orderId;
}
