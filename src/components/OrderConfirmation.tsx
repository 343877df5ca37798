import type { HttpTypes } from "@medusajs/types";
import { useEffect, useState } from "react";
import { intlLocale, type Locale, translator } from "../i18n/index.ts";
import { names } from "../i18n/names.ts";
import { describeError } from "../lib/errors.ts";
import { formatMoney } from "../lib/format.ts";
import { medusa } from "../lib/medusa.ts";
import { formatShipDate, orderPromise, type ShipPromise } from "../lib/promise.ts";
import { regionKeys, regions, variantBySku } from "../product/index.ts";
import CartTotals from "./CartTotals.tsx";

interface Props {
  locale: Locale;
}

/**
 * The order confirmation, read back from Medusa by the id in the address.
 * TODO(#5): a signed status link instead of the bare order id.
 */
export default function OrderConfirmation({ locale }: Props) {
  const t = translator(locale);
  const [order, setOrder] = useState<HttpTypes.StoreOrder | null | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [promise, setPromise] = useState<ShipPromise | undefined>();

  useEffect(() => {
    const id = new URLSearchParams(window.location.search).get("id");
    if (!id || !/^order_[0-9A-Z]{26}$/.test(id)) {
      setOrder(null);
      return;
    }
    medusa.store.order
      .retrieve(id, { fields: "*items,*shipping_address,*shipping_methods,+discount_subtotal" })
      .then(
        ({ order: found }) => {
          setOrder(found);
          orderPromise(found.id).then(setPromise, () => undefined);
        },
        (reason: unknown) => {
          if ((reason as { status?: number } | null)?.status === 404) setOrder(null);
          else setError(describeError(reason, t));
        },
      );
  }, [t]);

  if (error) return <p role="alert">{error}</p>;
  if (order === undefined) return <p>{t("confirm.loading")}</p>;
  if (order === null) return <p role="alert">{t("confirm.missing")}</p>;
  const region = regionKeys.find((key) => regions[key].currency === order.currency_code) ?? "ch";
  const money = (amount: number | undefined) =>
    formatMoney(amount ?? 0, order.currency_code, intlLocale(locale, region));
  const address = order.shipping_address;

  return (
    <div className="confirmation" data-testid="confirmation">
      <p>
        {t("confirm.number")} <strong data-testid="order-number">#{order.display_id}</strong>
      </p>
      <p>{t("confirm.sentTo", { email: order.email ?? "" })}</p>
      {promise && (
        <p data-testid="order-promise">
          {t("promise.yourOrder", {
            date: formatShipDate(promise.ships_by, intlLocale(locale, region)),
            batch: promise.number,
          })}
        </p>
      )}
      <ul className="cart-lines">
        {(order.items ?? []).map((item) => {
          const spec = variantBySku(item.variant_sku ?? "");
          return (
            <li key={item.id} className="cart-line">
              <span>
                {spec
                  ? `${names[locale].fit[spec.fit]} · ${names[locale].colour[spec.colour]}`
                  : item.title}
              </span>
              <span>× {item.quantity}</span>
              <span>{money(item.subtotal)}</span>
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
