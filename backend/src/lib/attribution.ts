import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * Attribution tokens: a claim that a retailer's widget ran on one of the retailer's registered
 * origins. The backend issues one only after checking the browser's Origin header (or, for the
 * iframe, the parent origin the shop's own frame reports) against the retailer's list; the
 * shop-origin hand-off page presents it to credit the shopper's cart. Signed with a key derived
 * from the shop's secret, bound to retailer, origin, mode and the id of its issue record
 * (retailer_token: when, to which client), short-lived, and good for one cart.
 *
 * What the Origin check proves: a browser page on that origin asked (page script cannot set
 * the header). What it cannot: any client that is not a browser (curl, a server) sends any
 * Origin it likes. So a token is a claim to review, which is why each issue is recorded.
 */

export const ATTRIBUTION_TTL_MS = 2 * 60 * 60 * 1000;

export type AttributionMode = "element" | "frame";

export interface Attribution {
  retailerId: string;
  origin: string;
  mode: AttributionMode;
  /** The id of the token's issue record (its jti): a token credits one cart. */
  tokenId: string;
}

function key(secret: string): Buffer {
  return createHmac("sha256", secret).update("camslide/retailer-attribution/v1").digest();
}

function signature(payload: string, secret: string): string {
  return createHmac("sha256", key(secret)).update(payload).digest("base64url");
}

export function signAttribution(a: Attribution, secret: string, now = Date.now()): string {
  const expires = Math.floor((now + ATTRIBUTION_TTL_MS) / 1000);
  const origin = Buffer.from(a.origin).toString("base64url");
  const payload = `${a.retailerId}.${origin}.${a.mode}.${expires}.${a.tokenId}`;
  return `${payload}.${signature(payload, secret)}`;
}

/** What a token grants, or null for a malformed, altered or expired one. */
export function verifyAttribution(
  token: unknown,
  secret: string,
  now = Date.now(),
): Attribution | null {
  if (typeof token !== "string" || token.length > 600) return null;
  const match =
    /^(ret_[0-9A-Z]{26})\.([A-Za-z0-9_-]{1,400})\.(element|frame)\.(\d{1,12})\.(rtok_[0-9A-Z]{26})\.([A-Za-z0-9_-]{43})$/.exec(
      token,
    );
  if (!match) return null;
  const [, retailerId, origin, mode, expires, tokenId, given] = match as unknown as [
    string,
    string,
    string,
    AttributionMode,
    string,
    string,
    string,
  ];
  const expected = Buffer.from(
    signature(`${retailerId}.${origin}.${mode}.${expires}.${tokenId}`, secret),
  );
  const actual = Buffer.from(given);
  if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) return null;
  if (Number(expires) * 1000 < now) return null;
  return { retailerId, origin: Buffer.from(origin, "base64url").toString(), mode, tokenId };
}

/**
 * A client's address as the report keeps it: keyed with the shop's secret, so the table tells
 * "the same client" without holding addresses, and cannot be reversed by trying every IPv4.
 */
export function clientHash(address: string | undefined, secret: string): string {
  const keyed = createHmac("sha256", secret).update("camslide/retailer-client/v1").digest();
  return createHmac("sha256", keyed)
    .update(address ?? "unknown")
    .digest("base64url")
    .slice(0, 22);
}

/**
 * An origin exactly as browsers send it: scheme, host and a port only when it is not the
 * default. Registered origins are stored in this form so comparison is plain equality.
 */
export function normaliseOrigin(value: unknown): string | null {
  if (typeof value !== "string" || value.length > 300) return null;
  try {
    const url = new URL(value);
    if (url.protocol !== "https:" && url.protocol !== "http:") return null;
    if (url.username || url.password) return null;
    return url.origin;
  } catch {
    return null;
  }
}
