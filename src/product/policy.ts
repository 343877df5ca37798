/**
 * The shop's promises to buyers that code enforces: the storefront states them and the backend
 * applies them (a return request is refused after the window).
 */
export const policy = {
  /** Days after shipping in which a buyer may ask for a return from the order page. */
  returnWindowDays: 30,
} as const;

/**
 * The most one checkout takes: different covers (lines) and covers of one kind. The storefront's
 * basket keeps to them and the launch queue refuses more, so a basket the page accepted is one
 * the shop accepts.
 */
export const orderLimits = {
  lines: 10,
  quantityPerLine: 50,
} as const;

/** A line of a checkout as every path that makes an order has it: which cover, how many. */
export interface OrderLimitLine {
  variant_id: string;
  quantity: number;
}

/**
 * The first limit a checkout passes: more than `quantityPerLine` of one cover (the lines of one
 * cover added up: ten lines of 50 are 500 of it), or more than `lines` different covers.
 */
export type OrderLimitProblem =
  | { kind: "perCover"; max: number; variant_id: string; quantity: number }
  | { kind: "covers"; max: number; covers: number };

const limitMessages = {
  perCover: (max: number) => `At most ${max} of one cover per order.`,
  covers: (max: number) => `At most ${max} different covers per order.`,
} as const;

/**
 * The one rule of a checkout's size. The launch queue, Medusa's cart routes, its cart
 * completion and the storefront's basket and hand-off all ask it, so no path makes an order
 * that another path would refuse.
 */
export function orderLimitProblem(lines: readonly OrderLimitLine[]): OrderLimitProblem | undefined {
  const perCover = new Map<string, number>();
  for (const line of lines) {
    perCover.set(line.variant_id, (perCover.get(line.variant_id) ?? 0) + line.quantity);
  }
  for (const [variant_id, quantity] of perCover) {
    if (quantity > orderLimits.quantityPerLine) {
      return { kind: "perCover", max: orderLimits.quantityPerLine, variant_id, quantity };
    }
  }
  if (perCover.size > orderLimits.lines) {
    return { kind: "covers", max: orderLimits.lines, covers: perCover.size };
  }
  return undefined;
}

/** What the shop says about a problem (in English; the storefront translates it by `kind`). */
export function orderLimitMessage(problem: Pick<OrderLimitProblem, "kind" | "max">): string {
  return limitMessages[problem.kind](problem.max);
}

/** The problem a refusal from the shop names, if it is one of these limits (to translate it). */
export function orderLimitInMessage(
  message: string | undefined,
): Pick<OrderLimitProblem, "kind" | "max"> | undefined {
  if (!message) return undefined;
  for (const kind of ["perCover", "covers"] as const) {
    const max = kind === "perCover" ? orderLimits.quantityPerLine : orderLimits.lines;
    if (message.includes(limitMessages[kind](max))) return { kind, max };
  }
  return undefined;
}

/**
 * How buyers send a shipped order back: by post, at their cost, to the warehouse. Medusa needs a
 * return shipping option per region to record a return; the seed creates this one.
 */
export const returnShipping = {
  name: "Return by post",
  description: "You post the covers back to us; we refund them when they arrive.",
  priceMinor: 0,
} as const;
