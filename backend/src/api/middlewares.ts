import {
  defineMiddlewares,
  type MedusaNextFunction,
  type MedusaRequest,
  type MedusaResponse,
} from "@medusajs/framework/http";
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils";
import { refuseForeignPages } from "../lib/cross-site";
import { cacheAnonymousGet } from "../lib/response-cache";
import {
  type CartLine,
  cartBodyProblem,
  cartLimitProblem,
  lineItemBodyProblem,
  linesAfter,
} from "./cart-input-rules";
import {
  unreadablePathProblem,
  unreadableTextBodyProblem,
  unreadableValueProblem,
} from "./text-input-rules";

type Rule = (body: Record<string, unknown> | undefined) => string | undefined;

function refuse(rule: Rule) {
  return (req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) => {
    const problem = rule(req.body as Record<string, unknown> | undefined);
    if (problem) return next(new MedusaError(MedusaError.Types.INVALID_DATA, problem));
    return next();
  };
}

/**
 * Every request, before any route (Medusa's or Camslide's) reads it: a NUL character or an
 * unpaired surrogate in the path, the query or the body is a 400 naming the field, never a 500
 * from PostgreSQL. Runs after Medusa's body parsers (JSON, text, form), so a text/plain body
 * (the 3PL's tracking CSV) is checked too.
 */
function refuseUnreadableText(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
  const problem =
    unreadablePathProblem(req.originalUrl.split("?")[0] ?? "") ??
    unreadableValueProblem(req.query, "query parameter") ??
    (typeof req.body === "string"
      ? unreadableTextBodyProblem(req.body)
      : unreadableValueProblem(req.body));
  if (problem) return next(new MedusaError(MedusaError.Types.INVALID_DATA, problem));
  return next();
}

/**
 * A store cart route may not take a cart past one checkout's limits (orderLimits): the lines it
 * would have are checked with the cart's current lines, the way the launch queue checks a
 * basket. Two changes at once can still pass this together; the cart's completion checks again
 * (workflows/hooks/assign-production-batch.ts).
 */
function refuseOverLimits(route: "create" | "add" | "update") {
  return async (req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) => {
    const body = req.body as Record<string, unknown> | undefined;
    let current: CartLine[] = [];
    if (route !== "create") {
      const query = req.scope.resolve(ContainerRegistrationKeys.QUERY);
      const { data } = await query.graph({
        entity: "cart",
        fields: ["items.id", "items.variant_id", "items.quantity"],
        filters: { id: String(req.params.id ?? "") },
      });
      // An unknown cart is Medusa's to answer (404).
      if (!data[0]) return next();
      current = ((data[0].items ?? []) as unknown as (CartLine | null)[]).flatMap((item) =>
        item ? [{ ...item, quantity: Number(item.quantity) }] : [],
      );
    }
    const problem = cartLimitProblem(linesAfter(route, body, current, req.params.line_id));
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
    // Without methods and on the root: Medusa runs it first, before every route's own middlewares.
    { matcher: "/", middlewares: [refuseUnreadableText] },
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
    {
      matcher: "/store/carts",
      methods: ["POST"],
      middlewares: [refuse(cartBodyProblem), refuseOverLimits("create")],
    },
    { matcher: "/store/carts/:id", methods: ["POST"], middlewares: [refuse(cartBodyProblem)] },
    {
      matcher: "/store/carts/:id/line-items",
      methods: ["POST"],
      middlewares: [refuse(lineItemBodyProblem), refuseOverLimits("add")],
    },
    {
      matcher: "/store/carts/:id/line-items/:line_id",
      methods: ["POST"],
      middlewares: [refuse(lineItemBodyProblem), refuseOverLimits("update")],
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
