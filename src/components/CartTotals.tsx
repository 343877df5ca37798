import { intlLocale, type Locale, translator } from "../i18n/index.ts";
import type { Cart } from "../lib/cart.ts";
import { formatMoney } from "../lib/format.ts";
import type { RegionKey } from "../product/index.ts";

/**
 * Medusa returns `discount_subtotal` (the discount before tax) although its HTTP types omit it.
 * We show it rather than `discount_total`, which includes tax, so the lines add up to the total.
 */
export type Totals = Pick<
  Cart,
  "item_subtotal" | "shipping_subtotal" | "tax_total" | "total" | "currency_code"
> & { discount_subtotal?: number };

interface Props {
  cart: Totals;
  locale: Locale;
  region: RegionKey;
  showShipping?: boolean;
}

/** Every total exactly as Medusa computed it; the storefront adds nothing up itself. */
export default function CartTotals({ cart, locale, region, showShipping = true }: Props) {
  const t = translator(locale);
  const money = (amount: number | undefined) =>
    formatMoney(amount ?? 0, cart.currency_code, intlLocale(locale, region));
  return (
    <dl className="totals" data-testid="totals">
      <dt>{t("cart.subtotal")}</dt>
      <dd data-testid="total-items">{money(cart.item_subtotal)}</dd>
      {showShipping && (
        <>
          <dt>{t("cart.shipping")}</dt>
          <dd data-testid="total-shipping">{money(cart.shipping_subtotal)}</dd>
        </>
      )}
      {(cart.discount_subtotal ?? 0) > 0 && (
        <>
          <dt>{t("cart.discount")}</dt>
          <dd data-testid="total-discount">−{money(cart.discount_subtotal)}</dd>
        </>
      )}
      <dt>{t("cart.tax")}</dt>
      <dd data-testid="total-tax">{money(cart.tax_total)}</dd>
      <dt className="total">{t("cart.total")}</dt>
      <dd className="total" data-testid="total">
        {money(cart.total)}
      </dd>
    </dl>
  );
}
