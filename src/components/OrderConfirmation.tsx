import { useCallback, useEffect, useRef, useState } from "react";
import { intlLocale, type Locale, routes, translator } from "../i18n/index.ts";
import { restoreCart, settlePlacedBasket } from "../lib/cart.ts";
import { nextPollDelayMs } from "../lib/confirmation-polling.ts";
import { describeError } from "../lib/errors.ts";
import { type Intake, intakeStatus } from "../lib/launch-queue.ts";
import { type OrderStatus, orderStatus } from "../lib/order-status.ts";
import { formatShipDate } from "../lib/promise.ts";
import { $region } from "../lib/region.ts";
import OrderSummary from "./OrderSummary.tsx";

interface Props {
  locale: Locale;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The confirmation, read back from Medusa through the order's signed link in the address.
 * After a launch-queue checkout the address names the intake instead (`?intake=…&access=…`):
 * the page shows the batch and date it was given at once, follows it until its order is made,
 * then moves to the order's signed link. If it could not become an order, the shopper's cart
 * comes back.
 */
export default function OrderConfirmation({ locale }: Props) {
  const t = translator(locale);
  const [token, setToken] = useState<string | null>(null);
  const [status, setStatus] = useState<OrderStatus | null | undefined>();
  const [intake, setIntake] = useState<Intake>();
  const [error, setError] = useState<string | undefined>();
  // Polling rests after a while (lib/confirmation-polling.ts); the shopper can ask again.
  const [resting, setResting] = useState(false);
  const stopFollowing = useRef<() => void>(undefined);

  const follow = useCallback(
    (intakeId: string, access: string) => {
      stopFollowing.current?.();
      let stopped = false;
      stopFollowing.current = () => {
        stopped = true;
      };
      setResting(false);
      void (async () => {
        const started = Date.now();
        for (let attempt = 0; !stopped; attempt++) {
          // The shop's hint of when to ask again; after an error, the page's own schedule.
          let hintMs: number | undefined;
          try {
            const current = await intakeStatus(intakeId, access);
            hintMs = current.poll_after_ms;
            setIntake(current);
            if (current.status === "done" && current.order_token) {
              settlePlacedBasket(intakeId, false);
              const query = new URLSearchParams({ token: current.order_token });
              window.location.replace(`${routes.confirmed[locale]}?${query}`);
              return;
            }
            if (current.status === "failed") {
              if (current.cart_id) restoreCart(current.cart_id);
              else settlePlacedBasket(intakeId, true);
              return;
            }
            setError(undefined);
          } catch (reason) {
            if ((reason as { status?: number } | null)?.status === 404) {
              setStatus(null);
              return;
            }
            setError(describeError(reason, t));
          }
          const delay = nextPollDelayMs(attempt, Date.now() - started, hintMs);
          if (delay === undefined) {
            setResting(true);
            return;
          }
          await sleep(delay);
        }
      })();
    },
    [t, locale],
  );

  useEffect(() => {
    const params = new URLSearchParams(window.location.search);
    const intakeId = params.get("intake");
    const access = params.get("access");
    if (intakeId && access) {
      follow(intakeId, access);
      return () => stopFollowing.current?.();
    }
    const found = params.get("token");
    setToken(found);
    if (!found) {
      setStatus(null);
      return undefined;
    }
    orderStatus(found).then(setStatus, (reason: unknown) => {
      if ((reason as { status?: number } | null)?.status === 404) setStatus(null);
      else setError(describeError(reason, t));
    });
    return undefined;
  }, [t, follow]);

  if (intake && status === undefined) {
    if (intake.status === "failed") {
      return (
        <div className="confirmation" data-testid="intake-failed">
          <p role="alert">{t("confirm.failed")}</p>
          <p>
            <a href={routes.cart[locale]}>{t("confirm.backToCart")}</a>
          </p>
        </div>
      );
    }
    return (
      <div className="confirmation" data-testid="intake-pending" aria-busy="true">
        <p>
          {t("promise.yourOrder", {
            date: formatShipDate(intake.promise.ships_by, intlLocale(locale, $region.get())),
            batch: intake.promise.batch_number,
          })}
        </p>
        <p role="status">{resting ? t("confirm.later") : t("confirm.queued")}</p>
        {resting && (
          <button
            type="button"
            className="button"
            onClick={() =>
              follow(intake.id, new URLSearchParams(window.location.search).get("access") ?? "")
            }
          >
            {t("confirm.checkAgain")}
          </button>
        )}
        {error && <p role="alert">{error}</p>}
      </div>
    );
  }
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
