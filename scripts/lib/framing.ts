/**
 * Who may frame which page of the storefront, and who may load the widget's scripts.
 *
 * - /embed/frame/?retailer=acme is framable by exactly acme's registered origins
 *   (`Content-Security-Policy: frame-ancestors …`), looked up from the backend and cached
 *   briefly; an unknown retailer, or a backend that does not answer, means no one.
 * - Every other answer refuses framing (`frame-ancestors 'none'` and `X-Frame-Options: DENY`
 *   for browsers that predate CSP 2), so checkout and cart cannot be clickjacked: this
 *   includes every 404, under /embed/ too (a missing /embed/frame/ page is no frame page).
 * - The widget's scripts under /embed/ are module scripts loaded by other origins, which
 *   browsers fetch with CORS: they are public and sent with `Access-Control-Allow-Origin: *`
 *   (framing headers do not stop a script from loading, so they refuse framing too).
 */

export type RetailerOrigins = (retailer: string) => Promise<string[]>;

const CACHE_MS = 30_000;

/** Reads a retailer's registered origins from the backend's public /embed/retailers/:handle. */
export function retailerOriginsFrom(backendUrl: string): RetailerOrigins {
  const cache = new Map<string, { at: number; origins: Promise<string[]> }>();
  return (retailer) => {
    const hit = cache.get(retailer);
    if (hit && Date.now() - hit.at < CACHE_MS) return hit.origins;
    const origins = fetch(`${backendUrl}/embed/retailers/${encodeURIComponent(retailer)}`)
      .then(async (response) => {
        if (!response.ok) return [];
        const body = (await response.json()) as { allowed_origins?: unknown };
        return Array.isArray(body.allowed_origins)
          ? body.allowed_origins.filter(
              (o): o is string => typeof o === "string" && /^https?:\/\/[^\s;,'"]+$/.test(o),
            )
          : [];
      })
      .catch(() => []);
    cache.set(retailer, { at: Date.now(), origins });
    return origins;
  };
}

const DENY = { "content-security-policy": "frame-ancestors 'none'", "x-frame-options": "DENY" };

export function isFramePage(pathname: string): boolean {
  return pathname === "/embed/frame/" || pathname === "/embed/frame/index.html";
}

/** The framing and CORS headers for one answer; `found` is false for a 404. */
export async function framingHeaders(
  url: URL,
  retailerOrigins: RetailerOrigins | undefined,
  found = true,
): Promise<Record<string, string>> {
  if (url.pathname.startsWith("/embed/") && url.pathname.endsWith(".js")) {
    return { "access-control-allow-origin": "*", ...DENY };
  }
  if (!found || !isFramePage(url.pathname)) return DENY;
  const retailer = url.searchParams.get("retailer") ?? "";
  const origins =
    retailerOrigins && /^[a-z0-9][a-z0-9-]{0,62}$/.test(retailer)
      ? await retailerOrigins(retailer)
      : [];
  if (origins.length === 0) return DENY;
  // No X-Frame-Options here: it cannot name origins, and CSP frame-ancestors wins where known.
  return { "content-security-policy": `frame-ancestors ${origins.join(" ")}` };
}
