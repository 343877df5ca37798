/**
 * The shop's promises to buyers that code enforces: the storefront states them and the backend
 * applies them (a return request is refused after the window).
 */
export const policy = {
  /** Days after shipping in which a buyer may ask for a return from the order page. */
  returnWindowDays: 30,
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
