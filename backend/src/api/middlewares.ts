import {
  defineMiddlewares,
  type MedusaNextFunction,
  type MedusaRequest,
  type MedusaResponse,
} from "@medusajs/framework/http";
import { MedusaError } from "@medusajs/framework/utils";
import { cartBodyProblem, lineItemBodyProblem } from "./cart-input-rules";

type Rule = (body: Record<string, unknown> | undefined) => string | undefined;

function refuse(rule: Rule) {
  return (req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) => {
    const problem = rule(req.body as Record<string, unknown> | undefined);
    if (problem) return next(new MedusaError(MedusaError.Types.INVALID_DATA, problem));
    return next();
  };
}

export default defineMiddlewares({
  routes: [
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
    { matcher: "/admin/ops/tracking", methods: ["POST"], bodyParser: { sizeLimit: "5mb" } },
  ],
});
