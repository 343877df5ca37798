import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http";
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils";

/**
 * Whether a browser sent this request from a page of another origin than the admin's: its
 * `Origin` (every browser sends one on a POST) is neither the backend's own nor one of
 * ADMIN_CORS. A request without `Origin` comes from a program (the ops CLI, curl), which holds
 * its credential itself rather than riding on a browser's cookie. `hosts` are the request's
 * Host and, behind a proxy, X-Forwarded-Host: a page cannot set either on a request it makes.
 */
export function fromForeignPage(
  origin: string | undefined,
  hosts: (string | undefined)[],
  adminCors: string,
): boolean {
  if (origin === undefined) return false;
  if (origin === "null") return true;
  let parsed: URL;
  try {
    parsed = new URL(origin);
  } catch {
    return true;
  }
  if (hosts.some((host) => host !== undefined && host === parsed.host)) return false;
  const allowed = adminCors
    .split(",")
    .map((o) => o.trim().replace(/\/$/, ""))
    .filter(Boolean);
  return !allowed.includes(parsed.origin);
}

/**
 * Refuses an admin request that changes state when a page on another site made it. Medusa's
 * session cookie is SameSite=Lax in production, so a browser does not attach it to another
 * site's POST; this holds as well where the cookie is not Lax (development, or a custom
 * cookieOptions) and against a page of a sibling subdomain, which Lax counts as same-site.
 */
export function refuseForeignPages(
  req: MedusaRequest,
  _res: MedusaResponse,
  next: MedusaNextFunction,
) {
  const config = req.scope.resolve(ContainerRegistrationKeys.CONFIG_MODULE);
  if (
    fromForeignPage(
      req.get("origin"),
      [req.get("host"), req.get("x-forwarded-host")],
      config.projectConfig.http.adminCors ?? "",
    )
  ) {
    return next(
      new MedusaError(
        MedusaError.Types.FORBIDDEN,
        "Admin changes are accepted only from the admin itself or the ops CLI, not from another site's page.",
      ),
    );
  }
  return next();
}
