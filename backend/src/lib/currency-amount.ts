import { MathBN } from "@medusajs/framework/utils";

/**
 * The decimals a currency is paid in (CHF, EUR, USD: 2; JPY: 0), as ISO 4217 and every card
 * network count them. Medusa's prices are tax-exclusive and its totals unrounded (19.8904).
 */
export function currencyDigits(currencyCode: string): number {
  return (
    new Intl.NumberFormat("en", {
      style: "currency",
      currency: currencyCode.toUpperCase(),
    }).resolvedOptions().maximumFractionDigits ?? 2
  );
}

/** An amount as it can be paid: rounded half up to the currency's decimals. */
export function payableAmount(amount: number, currencyCode: string): number {
  return MathBN.convert(amount, currencyDigits(currencyCode)).toNumber();
}
