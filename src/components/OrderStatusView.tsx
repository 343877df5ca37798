import { useEffect, useState } from "react";
import { intlLocale, type Locale, routes, translator } from "../i18n/index.ts";
import { describeError } from "../lib/errors.ts";
import {
  cancelOrder,
  lookupOrder,
  type OrderStatus,
  orderStatus,
  requestReturn,
} from "../lib/order-status.ts";
import { formatShipDate } from "../lib/promise.ts";
import { useAction } from "../lib/use-action.ts";
import { regionKeys, regions } from "../product/index.ts";
import OrderSummary from "./OrderSummary.tsx";

interface Props {
  locale: Locale;
}

const batchStates = ["open", "full", "in_production", "shipping", "shipped"] as const;

/**
 * The buyer's order page, reached from the signed link in every email or by order number and
 * email: where the order is, its tracking, and one-click cancel and refund while it can be.
 */
export default function OrderStatusView({ locale }: Props) {
  const t = translator(locale);
  const [token, setToken] = useState<string | null | undefined>();
  const [status, setStatus] = useState<OrderStatus | undefined>();
  const [orderNumber, setOrderNumber] = useState("");
  const [email, setEmail] = useState("");
  const [note, setNote] = useState("");
  const { busy, error, setError, run } = useAction(t);

  useEffect(() => {
    const found = new URLSearchParams(window.location.search).get("token");
    setToken(found);
    if (found) void run(async () => setStatus(await orderStatus(found)));
  }, [run]);

  if (token === undefined) return <p>{t("confirm.loading")}</p>;
  if (!token) {
    return (
      <form
        className="checkout-step"
        onSubmit={(event) => {
          event.preventDefault();
          void (async () => {
            try {
              const found = await lookupOrder(orderNumber.trim().replace(/^#/, ""), email.trim());
              window.location.assign(`${routes.status[locale]}?token=${encodeURIComponent(found)}`);
            } catch (reason) {
              const code = (reason as { status?: number } | null)?.status;
              setError(code === 404 ? t("status.notFound") : describeError(reason, t));
            }
          })();
        }}
      >
        <p>{t("status.lookupIntro")}</p>
        <label className="field">
          {t("status.orderNumber")}
          <input
            inputMode="numeric"
            value={orderNumber}
            onChange={(e) => setOrderNumber(e.currentTarget.value)}
            data-testid="lookup-number"
            required
          />
        </label>
        <label className="field">
          {t("checkout.email")}
          <input
            type="email"
            value={email}
            onChange={(e) => setEmail(e.currentTarget.value)}
            data-testid="lookup-email"
            required
          />
        </label>
        {error && (
          <p role="alert" className="form-error" data-testid="lookup-error">
            {error}
          </p>
        )}
        <button type="submit" className="button" data-testid="lookup-submit">
          {t("status.find")}
        </button>
      </form>
    );
  }
  if (!status) {
    return error ? (
      <p role="alert" data-testid="status-error">
        {error}
      </p>
    ) : (
      <p>{t("confirm.loading")}</p>
    );
  }
  const region =
    regionKeys.find((key) => regions[key].currency === status.order.currency_code) ?? "ch";
  const intl = intlLocale(locale, region);
  const day = (iso: string) => formatShipDate(iso.slice(0, 10), intl);
  const batchState = batchStates.find((s) => s === status.batch?.state);

  return (
    <div
      className="order-status"
      data-testid="order-status"
      data-state={status.state}
      aria-busy={busy}
    >
      <ol className="timeline">
        <li>{t("status.placed", { date: day(status.order.created_at) })}</li>
        {status.batch && status.state !== "canceled" && (
          <li>
            {t("status.batch", { batch: status.batch.number, date: day(status.batch.ships_by) })}
            {batchState && ` · ${t(`status.batchState.${batchState}`)}`}
          </li>
        )}
        {status.shipments.map((shipment) => (
          <li key={shipment.shipped_at}>
            {t("status.shipped", { date: day(shipment.shipped_at) })}{" "}
            {shipment.tracking.map((label) =>
              label.url ? (
                <a key={label.number} href={label.url} rel="noopener noreferrer">
                  {t("status.tracking", { number: label.number })}
                </a>
              ) : (
                <span key={label.number}>{t("status.tracking", { number: label.number })}</span>
              ),
            )}
          </li>
        ))}
        {status.state === "canceled" && status.order.canceled_at && (
          <li data-testid="status-canceled">
            {t("status.canceled", { date: day(status.order.canceled_at) })}
          </li>
        )}
      </ol>
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
      {status.can_cancel && (
        <button
          type="button"
          className="button button--secondary"
          disabled={busy}
          data-testid="cancel-order"
          onClick={() =>
            run(async () => {
              try {
                setStatus(await cancelOrder(token));
              } catch (reason) {
                // 409: the warehouse got the order first; show it as it is now (no cancel).
                if ((reason as { status?: number } | null)?.status === 409) {
                  setStatus(await orderStatus(token));
                }
                throw reason;
              }
            })
          }
        >
          {busy ? t("status.cancelling") : t("status.cancel")}
        </button>
      )}
      {!status.can_cancel && status.state === "placed" && <p>{t("status.returnInstead")}</p>}
      {status.return_requested && (
        <p data-testid="return-requested">{t("status.returnRequested")}</p>
      )}
      {status.can_return && status.return_by && (
        <form
          className="return-request"
          onSubmit={(event) => {
            event.preventDefault();
            run(async () => setStatus(await requestReturn(token, note)));
          }}
        >
          <p>{t("status.returnIntro", { date: day(status.return_by) })}</p>
          <label className="field">
            {t("status.returnNote")}
            <textarea
              value={note}
              maxLength={500}
              rows={3}
              onChange={(e) => setNote(e.currentTarget.value)}
              data-testid="return-note"
            />
          </label>
          <button
            type="submit"
            className="button button--secondary"
            disabled={busy}
            data-testid="request-return"
          >
            {busy ? t("status.returnAsking") : t("status.returnAsk")}
          </button>
        </form>
      )}
      {status.state === "shipped" &&
        !status.can_return &&
        !status.return_requested &&
        status.return_by && <p>{t("status.returnClosed", { date: day(status.return_by) })}</p>}
      <OrderSummary locale={locale} status={status} />
    </div>
  );
}
