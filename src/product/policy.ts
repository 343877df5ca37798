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

/**
 * How buyers send a shipped order back: by post, at their cost, to the warehouse. Medusa needs a
 * return shipping option per region to record a return; the seed creates this one.
 */
export const returnShipping = {
  name: "Return by post",
  description: "You post the covers back to us; we refund them when they arrive.",
  priceMinor: 0,
} as const;
