import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http";

interface Entry {
  at: number;
  body: Promise<unknown>;
}

/**
 * A short in-process cache for an anonymous, read-only store route: the same request (URL,
 * publishable key, locale) within `ttlMs` is answered with the first answer, and concurrent
 * misses wait for one computation instead of each running it. Measured in bench:launch: the
 * product page's live offer (GET /store/products with prices and stock) costs Medusa about
 * 140 ms of CPU, fourteen times a checkout intake; at a launch every shopper asks it. Stock
 * shown may be `ttlMs` old; the checkout checks stock itself. Requests with a customer's
 * authorization or session are never cached (their prices may differ).
 */
export function cacheAnonymousGet(ttlMs: number) {
  const entries = new Map<string, Entry>();
  return async (req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) => {
    if (req.method !== "GET" || ttlMs <= 0 || req.headers.authorization || req.headers.cookie) {
      return next();
    }
    const key = [
      req.originalUrl,
      req.headers["x-publishable-api-key"],
      req.headers["x-medusa-locale"],
      req.headers["accept-language"],
    ].join("\n");
    const now = Date.now();
    const cached = entries.get(key);
    if (cached && now - cached.at < ttlMs) {
      const body = await cached.body;
      if (body !== undefined) {
        res.setHeader("x-camslide-cache", "hit");
        return res.json(body);
      }
    }
    let settle: (body: unknown) => void = () => {};
    const body = new Promise<unknown>((resolve) => {
      settle = resolve;
    });
    entries.set(key, { at: now, body });
    if (entries.size > 1_000) entries.delete(entries.keys().next().value ?? "");
    const json = res.json.bind(res);
    res.json = (payload: unknown) => {
      settle(res.statusCode === 200 ? payload : undefined);
      if (res.statusCode !== 200) entries.delete(key);
      return json(payload);
    };
    res.once("close", () => settle(undefined));
    return next();
  };
}
