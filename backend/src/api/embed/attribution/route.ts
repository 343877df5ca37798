import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http";
import { z } from "@medusajs/framework/zod";
import { clientHash, normaliseOrigin, signAttribution } from "../../../lib/attribution";
import {
  countAttempt,
  requestAddress,
  TOO_MANY_ATTEMPTS,
  TooManyAttempts,
} from "../../../lib/rate-limit";
import {
  attributionSecret,
  retailerByHandle,
  retailerService,
  storefrontOrigins,
} from "../retailers";

export const EmbedAttributionQuery = z.object({
  retailer: z.string().max(64),
  /** Only from the shop's own /embed/frame page: the origin of the page framing it. */
  parent: z.string().max(300).optional(),
});

export type AttributionAnswer =
  | { credited: true; token: string; retailer: { handle: string; name: string }; origin: string }
  | { credited: false; reason: "unknown-retailer" | "unregistered-origin" | "bad-request" }
  | { credited: false; reason: "rate-limited"; message: typeof TOO_MANY_ATTEMPTS };

/**
 * GET /embed/attribution?retailer=acme: asked by the widget from the retailer's page. The
 * browser's Origin header, which page script cannot set, is the proof of where the widget
 * runs: a registered origin gets a short-lived signed token, anything else an answer that says
 * why there is no credit (the widget still sells, and warns in the console). The iframe asks from
 * the shop's own origin and names its parent, which the frame-ancestors CSP already held to
 * the retailer's origins. Readable from any origin: it tells nothing secret. Issuing is limited
 * per client address and per retailer (lib/rate-limit, attribution*); past either limit the
 * answer is a 429 with Retry-After that the widget reads as "not credited". Each token is
 * recorded (retailer_token) and credits one cart: the Origin header proves a browser page on
 * that origin asked, but any other client can send any Origin, so a credit is a claim the
 * maker reviews in the retailer report, not proof.
 */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const requestOrigin = normaliseOrigin(req.headers.origin);
  res.setHeader("access-control-allow-origin", requestOrigin ?? "*");
  res.setHeader("vary", "origin");
  res.setHeader("cache-control", "no-store");
  const answer = (body: AttributionAnswer) => res.json(body);

  const parsed = EmbedAttributionQuery.safeParse(req.query);
  if (!parsed.success || !requestOrigin) return answer({ credited: false, reason: "bad-request" });
  const retailer = await retailerByHandle(req.scope, parsed.data.retailer);
  if (!retailer) return answer({ credited: false, reason: "unknown-retailer" });

  let origin = requestOrigin;
  let mode: "element" | "frame" = "element";
  if (parsed.data.parent !== undefined) {
    const parent = normaliseOrigin(parsed.data.parent);
    if (!parent || !storefrontOrigins(req.scope).includes(requestOrigin)) {
      return answer({ credited: false, reason: "bad-request" });
    }
    origin = parent;
    mode = "frame";
  }
  if (!retailer.allowed_origins.includes(origin)) {
    return answer({ credited: false, reason: "unregistered-origin" });
  }
  try {
    await countAttempt(res, [
      ["attributionPerAddress", requestAddress(req)],
      ["attributionPerRetailer", retailer.id],
    ]);
  } catch (error) {
    if (!(error instanceof TooManyAttempts)) throw error;
    res.status(429);
    return answer({ credited: false, reason: "rate-limited", message: TOO_MANY_ATTEMPTS });
  }
  // Recorded before it is signed: a token credits one cart, and the report shows who asked.
  const secret = attributionSecret(req.scope);
  const issued = await retailerService(req.scope).createRetailerTokens({
    retailer_id: retailer.id,
    origin,
    mode,
    client_hash: clientHash(requestAddress(req), secret),
    user_agent: String(req.headers["user-agent"] ?? "").slice(0, 300),
  });
  const token = signAttribution(
    { retailerId: retailer.id, origin, mode, tokenId: issued.id },
    secret,
  );
  return answer({
    credited: true,
    token,
    retailer: { handle: retailer.handle, name: retailer.name },
    origin,
  });
}
