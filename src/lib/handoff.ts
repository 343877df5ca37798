/**
 * What a retailer's hand-off link (/embed/handoff/?region=…&sku=…&quantity=…) asks for, read
 * before the shopper's cart is touched, so a link the shop would refuse at checkout is refused
 * here, in the shop's own words, and the cart the shopper had stays as it was.
 */
import {
  isRegionKey,
  orderLimitMessage,
  orderLimitProblem,
  type RegionKey,
} from "../product/index.ts";

export interface Handoff {
  region: RegionKey;
  sku: string;
  quantity: number;
  /** The retailer's attribution token, when the widget had one. */
  token: string | null;
  /** Checkout mode buys exactly this configuration; cart mode adds it to the cart. */
  checkout: boolean;
}

function refused(message: string): Error {
  return Object.assign(new Error(message), { status: 400 });
}

export function readHandoff(params: URLSearchParams): Handoff {
  const region = params.get("region");
  const sku = params.get("sku") ?? "";
  const quantity = Number(params.get("quantity") ?? "1");
  if (!isRegionKey(region) || !Number.isSafeInteger(quantity) || quantity < 1) {
    throw refused("bad hand-off");
  }
  const limit = orderLimitProblem([{ variant_id: sku, quantity }]);
  if (limit) throw refused(orderLimitMessage(limit));
  return {
    region,
    sku,
    quantity,
    token: params.get("token"),
    checkout: params.get("mode") !== "cart",
  };
}
