import {
  defineMiddlewares,
  type MedusaNextFunction,
  type MedusaRequest,
  type MedusaResponse,
} from "@medusajs/framework/http";
import { MedusaError } from "@medusajs/framework/utils";
import { refuseForeignPages } from "../lib/cross-site";
import { cacheAnonymousGet } from "../lib/response-cache";
import { cartBodyProblem, lineItemBodyProblem } from "./cart-input-rules";

type Rule = (body: Record<string, unknown> | undefined) => string | undefined;

function refuse(rule: Rule) {
  return (req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) => {
    const problem = rule(req.body as Record<string, unknown> | undefined);
    if (problem) return next(new MedusaError(MedusaError.Types.INVALID_DATA, problem));
    return next();
  };
}

/**
 * Medusa answers GET /store/orders/:id to anyone who knows the id, with the buyer's email and
 * address. Camslide has no customer accounts; its buyers reach their order through a signed
 * link (/store/order-status), so this route answers nobody.
 */
function noOrdersById(_req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
  return next(new MedusaError(MedusaError.Types.NOT_FOUND, "No order matches."));
}

/**
 * Medusa's POST /store/returns creates a return for any order whose id the caller knows (its own
 * comment says the id is the secret). Camslide's buyers ask for a return through their signed
 * order link (/store/order-status/return), which also enforces the return window.
 */
function noReturnsById(_req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
  return next(
    new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      "Ask for a return from your order page (the link is in every email about your order).",
    ),
  );
}

export default defineMiddlewares({
  routes: [
    { matcher: "/store/orders/:id", methods: ["GET"], middlewares: [noOrdersById] },
    { matcher: "/store/returns", methods: ["POST"], middlewares: [noReturnsById] },
    // What every shopper of a launch asks on the product page: the live offer (prices and
    // stock) and the regions. See lib/response-cache. Declared without `methods` so that Medusa
    // runs them before its own middlewares for these routes (which look up the sales channel,
    // region and tax context: most of a cached answer's cost otherwise); they answer GETs only.
    {
      matcher: "/store/products",
      middlewares: [cacheAnonymousGet(Number(process.env.CAMSLIDE_OFFER_CACHE_MS ?? 2_000))],
    },
    {
      matcher: "/store/regions",
      middlewares: [cacheAnonymousGet(Number(process.env.CAMSLIDE_REGIONS_CACHE_MS ?? 10_000))],
    },
    { matcher: "/store/carts", methods: ["POST"], middlewares: [refuse(cartBodyProblem)] },
    { matcher: "/store/carts/:id", methods: ["POST"], middlewares: [refuse(cartBodyProblem)] },
    {
      matcher: "/store/carts/:id/line-items",
      methods: ["POST"],
      middlewares: [refuse(lineItemBodyProblem)],
    },
    {
      matcher: "/store/carts/:id/line-items/:line_id",
      methods: ["POST"],
      middlewares: [refuse(lineItemBodyProblem)],
    },
    // A 3PL's tracking file for thousands of orders is bigger than the default 100 kB.
    {
      matcher: "/admin/ops/tracking",
      methods: ["POST"],
      bodyParser: { sizeLimit: "5mb" },
      middlewares: [refuseForeignPages],
    },
    { matcher: "/admin/ops/exports", methods: ["POST"], middlewares: [refuseForeignPages] },
  ],
});
