import type { MedusaContainer } from "@medusajs/framework/types";
import { retailerService } from "../api/embed/retailers";
import type { AttributedOrder } from "./retailer-orders";
import type { RetailerOrderLine } from "./retailer-report";

/**
 * What lets the maker judge a retailer's claims before paying commission. An attribution token
 * proves only that something sent a registered Origin header: a browser on that origin, or any
 * other client pretending to be one. So each token's issue is recorded (when, to which client,
 * with which user-agent) and the report points at what a real widget would rarely produce:
 *
 * - `no-token`: the cart was credited before tokens were recorded, so nothing is known of it.
 * - `not-a-browser`: the token went to a client whose User-Agent is no browser's (all of them
 *   start "Mozilla/5.0"); a script can send a browser's, so its absence is what counts.
 * - `other-client`: the token was issued to one client address and spent from another: a
 *   widget asks and hands off from the same browser, a token passed around does not.
 * - `bulk-client`: one client address was issued the tokens of BULK_ORDERS or more of the
 *   retailer's credited orders in the period.
 */
export const REVIEW_FLAGS = ["no-token", "not-a-browser", "other-client", "bulk-client"] as const;
export type ReviewFlag = (typeof REVIEW_FLAGS)[number];

export const BULK_ORDERS = 5;

const BROWSER = /^Mozilla\/5\.0 /;

/** The review flags of each attributed order, by order id. */
export function reviewFlags(orders: AttributedOrder[]): Map<string, ReviewFlag[]> {
  const perClient = new Map<string, number>();
  for (const o of orders) {
    if (o.client_hash) perClient.set(o.client_hash, (perClient.get(o.client_hash) ?? 0) + 1);
  }
  const flags = new Map<string, ReviewFlag[]>();
  for (const o of orders) {
    const found: ReviewFlag[] = [];
    if (!o.token_id) found.push("no-token");
    else {
      if (!BROWSER.test(o.user_agent ?? "")) found.push("not-a-browser");
      if (o.redeem_client_hash && o.redeem_client_hash !== o.client_hash) {
        found.push("other-client");
      }
      if ((perClient.get(o.client_hash ?? "") ?? 0) >= BULK_ORDERS) found.push("bulk-client");
    }
    flags.set(o.order_id, found);
  }
  return flags;
}

export interface RetailerReview {
  /** Tokens the retailer's origins were issued: roughly, widget views. */
  tokens_issued: number;
  /** Tokens spent on a cart: Buy clicks that reached the shop. */
  carts_credited: number;
  /** Orders made from credited carts. */
  orders: number;
  orders_by_origin: { origin: string; orders: number }[];
  /** Orders cancelled, or with units returned or asked back. */
  cancelled_or_returned: number;
  /** Orders carrying each review flag. */
  flagged: Record<ReviewFlag, number>;
  /** The client address behind the most credited orders, and how many. */
  top_client: { client: string; orders: number } | null;
}

/** The signals for one retailer over the orders of `lines` and tokens issued in the period. */
export async function retailerReview(
  container: MedusaContainer,
  retailerId: string,
  lines: RetailerOrderLine[],
  period: { from?: Date | undefined; to?: Date | undefined } = {},
): Promise<RetailerReview> {
  const service = retailerService(container);
  const issuedIn = {
    ...(period.from ? { $gte: period.from } : {}),
    ...(period.to ? { $lt: period.to } : {}),
  };
  const inPeriod = Object.keys(issuedIn).length > 0 ? { created_at: issuedIn } : {};
  const [, issued] = await service.listAndCountRetailerTokens(
    { retailer_id: retailerId, ...inPeriod },
    { take: 1, select: ["id"] },
  );
  const [, spent] = await service.listAndCountRetailerTokens(
    { retailer_id: retailerId, cart_id: { $ne: null }, ...inPeriod },
    { take: 1, select: ["id"] },
  );
  const byOrigin = new Map<string, number>();
  const byClient = new Map<string, number>();
  const flagged = Object.fromEntries(REVIEW_FLAGS.map((f) => [f, 0])) as Record<ReviewFlag, number>;
  let cancelledOrReturned = 0;
  for (const line of lines) {
    byOrigin.set(line.origin, (byOrigin.get(line.origin) ?? 0) + 1);
    if (line.client) byClient.set(line.client, (byClient.get(line.client) ?? 0) + 1);
    for (const flag of line.review as ReviewFlag[]) flagged[flag] += 1;
    if (line.status === "canceled" || line.returned_net > 0 || line.return_pending_net > 0) {
      cancelledOrReturned += 1;
    }
  }
  const [top] = [...byClient].sort((a, b) => b[1] - a[1]);
  return {
    tokens_issued: issued,
    carts_credited: spent,
    orders: lines.length,
    orders_by_origin: [...byOrigin]
      .map(([origin, orders]) => ({ origin, orders }))
      .sort((a, b) => b.orders - a.orders),
    cancelled_or_returned: cancelledOrReturned,
    flagged,
    top_client: top ? { client: top[0], orders: top[1] } : null,
  };
}
