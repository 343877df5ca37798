import { posterPath } from "../configurator/productJsonLd.ts";
import { intlLocale, type Locale, translator } from "../i18n/index.ts";
import { names } from "../i18n/names.ts";
import { formatMoney } from "../lib/format.ts";
import type { OrderStatus } from "../lib/order-status.ts";
import { formatShipDate } from "../lib/promise.ts";
import { regionKeys, regions, variantBySku } from "../product/index.ts";
import CartTotals from "./CartTotals.tsx";

interface Props {
  locale: Locale;
  status: OrderStatus;
}

/** An order as the buyer sees it: number, promise, lines, totals and address. */
export default function OrderSummary({ locale, status }: Props) {
  const t = translator(locale);
  const { order, batch } = status;
  const region = regionKeys.find((key) => regions[key].currency === order.currency_code) ?? "ch";
  const intl = intlLocale(locale, region);
  const address = order.shipping_address;
  return (
    <div className="order-summary">
      <p>
        {t("confirm.number")} <strong data-testid="order-number">#{order.display_id}</strong>
      </p>
      {batch && status.state !== "canceled" && (
        <p data-testid="order-promise">
          {t("promise.yourOrder", {
            date: formatShipDate(batch.ships_by, intl),
            batch: batch.number,
          })}
        </p>
      )}
      <ul className="cart-lines">
        {order.items.map((item) => {
          const spec = variantBySku(item.variant_sku ?? "");
          return (
            <li key={item.id} className="cart-line">
              {spec && (
                <img
                  src={posterPath(spec.fit, spec.colour)}
                  width="96"
                  height="72"
                  alt=""
                  loading="lazy"
                  className="cart-line__image"
                />
              )}
              <span>
                {spec
                  ? `${names[locale].fit[spec.fit]} · ${names[locale].colour[spec.colour]}`
                  : item.title}
              </span>
              <span>× {item.quantity}</span>
              <span>{formatMoney(item.subtotal, order.currency_code, intl)}</span>
            </li>
          );
        })}
      </ul>
      <CartTotals cart={order} locale={locale} region={region} />
      {address && (
        <address>
          <strong>{t("confirm.shipTo")}</strong>
          <br />
          {address.first_name} {address.last_name}
          <br />
          {address.address_1}
          <br />
          {address.postal_code} {address.city}, {address.country_code?.toUpperCase()}
        </address>
      )}
    </div>
  );
}
