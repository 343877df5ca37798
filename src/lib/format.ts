/** Formats a Medusa amount (major units, possibly unrounded) for display in a locale. */
export function formatMoney(amount: number, currencyCode: string, locale = "en-CH"): string {
  return new Intl.NumberFormat(locale, {
    style: "currency",
    currency: currencyCode.toUpperCase(),
  }).format(amount);
}
