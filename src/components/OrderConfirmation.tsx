import { useEffect, useState } from "react";
import { type Locale, routes, translator } from "../i18n/index.ts";
import { describeError } from "../lib/errors.ts";
import { type OrderStatus, orderStatus } from "../lib/order-status.ts";
import OrderSummary from "./OrderSummary.tsx";

interface Props {
  locale: Locale;
}

/** The confirmation, read back from Medusa through the order's signed link in the address. */
export default function OrderConfirmation({ locale }: Props) {
  const t = translator(locale);
  const [token, setToken] = useState<string | null>(null);
  const [status, setStatus] = useState<OrderStatus | null | undefined>();
  const [error, setError] = useState<string | undefined>();

  useEffect(() => {
    const found = new URLSearchParams(window.location.search).get("token");
    setToken(found);
    if (!found) {
      setStatus(null);
      return;
    }
    orderStatus(found).then(setStatus, (reason: unknown) => {
      if ((reason as { status?: number } | null)?.status === 404) setStatus(null);
      else setError(describeError(reason, t));
    });
  }, [t]);

  if (error) return <p role="alert">{error}</p>;
  if (status === undefined) return <p>{t("confirm.loading")}</p>;
  if (status === null || !token) return <p role="alert">{t("confirm.missing")}</p>;
  return (
    <div className="confirmation" data-testid="confirmation">
      <p>{t("confirm.sentTo", { email: status.order.email })}</p>
      <OrderSummary locale={locale} status={status} />
      <p>
        <a
          href={`${routes.status[locale]}?token=${encodeURIComponent(token)}`}
          data-testid="status-link"
        >
          {t("status.link")}
        </a>
      </p>
    </div>
  );
}
