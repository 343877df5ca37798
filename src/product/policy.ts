/**
 * The shop's promises to buyers that code enforces: the storefront states them and the backend
 * applies them (a return request is refused after the window).
 */
export const policy = {
  /** Days after shipping in which a buyer may ask for a return from the order page. */
  returnWindowDays: 30,
} as const;
