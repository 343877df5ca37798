/**
 * Stripe's Payment Element: the card form lives in Stripe's iframe, so card data never touches
 * Camslide. Stripe.js is loaded from Stripe only when the shop uses Stripe (Stripe requires it to
 * be loaded from js.stripe.com). `confirmRef` receives a function that confirms the payment; the
 * checkout calls it before completing the cart.
 */
import type { Stripe, StripeElements } from "@stripe/stripe-js";
import { type RefObject, useEffect, useRef, useState } from "react";
import type { Locale } from "../i18n/index.ts";
import { translator } from "../i18n/index.ts";

export type ConfirmPayment = () => Promise<{ ok: true } | { ok: false; message: string }>;

interface Props {
  publishableKey: string;
  clientSecret: string;
  locale: Locale;
  confirmRef: RefObject<ConfirmPayment | null>;
}

export default function StripePayment({ publishableKey, clientSecret, locale, confirmRef }: Props) {
  const t = translator(locale);
  const mount = useRef<HTMLDivElement>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let cancelled = false;
    let elements: StripeElements | undefined;
    let stripe: Stripe | null = null;
    void (async () => {
      try {
        const { loadStripe } = await import("@stripe/stripe-js/pure");
        stripe = await loadStripe(publishableKey, { locale });
        if (cancelled || !stripe || !mount.current) return;
        elements = stripe.elements({ clientSecret });
        elements.create("payment").mount(mount.current);
        const ready = stripe;
        const form = elements;
        confirmRef.current = async () => {
          const result = await ready.confirmPayment({
            elements: form,
            redirect: "if_required",
            confirmParams: { return_url: window.location.href },
          });
          if (result.error) {
            return { ok: false, message: result.error.message ?? t("checkout.cardFailed") };
          }
          return { ok: true };
        };
      } catch {
        if (!cancelled) setFailed(true);
      }
    })();
    return () => {
      cancelled = true;
      confirmRef.current = null;
      elements?.getElement("payment")?.destroy();
    };
  }, [publishableKey, clientSecret, locale, confirmRef, t]);

  return (
    <div data-testid="stripe-payment">
      <div ref={mount} />
      {failed && <p role="alert">{t("checkout.cardUnavailable")}</p>}
    </div>
  );
}
