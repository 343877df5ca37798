/** Formats a Medusa amount (major units, possibly unrounded) for display in a locale. */
export function formatMoney(amount: number, currencyCode: string, locale = "en-CH"): string {
  return new Intl.NumberFormat(locale, {
    style: "currency",
    currency: currencyCode.toUpperCase(),
  }).format(amount);
}

/** Formats a measurement (0.7 in English, 0,7 in French and German). */
export function formatNumber(value: number, locale: string): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(value);
}
