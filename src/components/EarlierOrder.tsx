import { type Locale, routes, translator } from "../i18n/index.ts";
import type { EarlierCheckout } from "../lib/launch-queue.ts";

interface Props {
  locale: Locale;
  /** The intake the page's earlier Place order became, with what it was placed with. */
  intake: EarlierCheckout["intake"];
}

/**
 * What the checkout shows when the answer to an earlier Place order was lost, the shopper then
 * changed something and placed again, and the shop reports the earlier one was taken: that
 * order, with the address it ships to, and the way to change it (cancel it from its page).
 */
export default function EarlierOrder({ locale, intake }: Props) {
  const t = translator(locale);
  const a = intake.shipping_address;
  const country = a.country_code
    ? (new Intl.DisplayNames([locale], { type: "region" }).of(a.country_code.toUpperCase()) ??
      a.country_code)
    : "";
  const address = [
    [a.first_name, a.last_name].filter(Boolean).join(" "),
    a.address_1,
    a.address_2,
    [a.postal_code, a.city].filter(Boolean).join(" "),
    country,
  ]
    .filter(Boolean)
    .join(", ");
  const query = new URLSearchParams({ intake: intake.id, access: intake.access_token });
  return (
    <div className="confirmation" data-testid="earlier-order">
      <p role="alert">{t("checkout.earlierPlaced")}</p>
      <p data-testid="earlier-address">
        {t("checkout.earlierShipsTo", { address, email: intake.email })}
      </p>
      <p>{t("checkout.earlierChange")}</p>
      <p>
        <a
          className="button"
          href={`${routes.confirmed[locale]}?${query}`}
          data-testid="earlier-link"
        >
          {t("checkout.earlierView")}
        </a>
      </p>
    </div>
  );
}
