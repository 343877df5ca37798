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

function intakeKey(secret: string): Buffer {
  return createHmac("sha256", secret).update("camslide/checkout-intake-access/v1").digest();
}

/**
 * What a checkout intake's page must show to follow it: an intake's order has the intake's ULID
 * (cint_X becomes order_X), so the intake id alone must not open it, or knowing an order id
 * would lead to its signed link. Given only to the browser that made the intake.
 */
export function intakeAccessToken(intakeId: string, secret: string): string {
  return createHmac("sha256", intakeKey(secret)).update(intakeId).digest("base64url");
}

export function verifyIntakeAccess(intakeId: string, token: unknown, secret: string): boolean {
  if (typeof token !== "string" || token.length !== 43) return false;
  const expected = Buffer.from(intakeAccessToken(intakeId, secret));
  const actual = Buffer.from(token);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
