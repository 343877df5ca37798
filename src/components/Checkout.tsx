import type { HttpTypes } from "@medusajs/types";
import { useStore } from "@nanostores/react";
import { useEffect, useRef, useState } from "react";
import { intlLocale, type Locale, routes, translator } from "../i18n/index.ts";
import {
  type AddressField,
  type AddressInput,
  addressErrors,
  emailError,
  type FieldError,
  fieldLimits,
} from "../lib/address.ts";
import {
  $basket,
  $cart,
  $cartCount,
  type Basket,
  basketPlaced,
  CART_FIELDS,
  cartFromBasket,
  forgetCart,
  loadCart,
  withBasketRegion,
} from "../lib/cart.ts";
import { describeError } from "../lib/errors.ts";
import { formatMoney } from "../lib/format.ts";
import {
  EarlierCheckout,
  linesOf,
  pendingAttempt,
  placeCart,
  type Quote,
  quoteCart,
} from "../lib/launch-queue.ts";
import { medusa } from "../lib/medusa.ts";
import { orderLink } from "../lib/order-status.ts";
import { choosePayment, type PaymentChoice, stripeClientSecret } from "../lib/payment.ts";
import { $region, startRegion } from "../lib/region.ts";
import { useAction } from "../lib/use-action.ts";
import { useHydrated } from "../lib/use-hydrated.ts";
import {
  type RegionKey,
  regionCountries,
  regionKeys,
  regions,
  shippingOptionKeys,
} from "../product/index.ts";
import CartTotals from "./CartTotals.tsx";
import EarlierOrder from "./EarlierOrder.tsx";
import EmptyCart from "./EmptyCart.tsx";
import ShipPromise from "./ShipPromise.tsx";
import StripePayment, { type ConfirmPayment } from "./StripePayment.tsx";

interface Props {
  locale: Locale;
}

type Step = "contact" | "address" | "delivery" | "review";

/** A delivery option as the shopper picks it, from Medusa's cart or from the queue's quote. */
interface DeliveryOption {
  id: string;
  /** standard | express: the product definition's key (tests and the queue use it). */
  key: string;
  name: string;
  amount: number | undefined;
}
/** Stripe's publishable key (pk_…), built in when the shop takes cards through Stripe. */
const STRIPE_KEY = import.meta.env.PUBLIC_STRIPE_PUBLISHABLE_KEY;

const emptyAddress: AddressInput = {
  first_name: "",
  last_name: "",
  address_1: "",
  address_2: "",
  postal_code: "",
  city: "",
  country_code: "",
  phone: "",
};

function regionOfCart(cart: HttpTypes.StoreCart | Basket | null | undefined): RegionKey {
  if (cart && "lines" in cart) return cart.region;
  const currency = cart?.currency_code;
  return regionKeys.find((key) => regions[key].currency === currency) ?? $region.get();
}

/**
 * One-page checkout in steps: contact, address (checked per country before Medusa sees it),
 * delivery option priced by Medusa, payment (Stripe's card form, or Medusa's system provider in
 * the demo), review with Medusa's totals, place order. Placing is guarded against double
 * clicks, and a network error keeps the cart so the shopper can simply try again (Medusa
 * completes a cart only once).
 *
 * Where no card is taken (the storefront is built without Stripe) and the cart has no
 * promotion code, the basket (or cart) goes through the launch queue: the contact and address
 * stay in the page until the order is placed, delivery and totals come from the queue's quote,
 * and Place order answers at once (the order follows in the background; the confirmation page
 * follows it). That is 2 calls to Medusa instead of 10, and cheap ones: what lets a launch take
 * its rush. Otherwise the basket becomes a Medusa cart and goes through Medusa's own cart
 * checkout, step by step.
 */
export default function Checkout({ locale }: Props) {
  const t = translator(locale);
  const hydrated = useHydrated();
  const stored = useStore($cart);
  const storedBasket = useStore($basket);
  const units = useStore($cartCount);
  const cart = hydrated ? stored : undefined;
  // Medusa's cart when it holds covers (a promotion code, a retailer's hand-off), else the basket.
  const inCart = cart && (cart.items ?? []).length > 0 ? cart : null;
  const inBasket = inCart ? null : hydrated ? (storedBasket ?? null) : null;
  const region = regionOfCart(inCart ?? inBasket);
  const [step, setStep] = useState<Step>("contact");
  const [email, setEmail] = useState("");
  const [address, setAddress] = useState<AddressInput>(emptyAddress);
  const [errors, setErrors] = useState<Partial<Record<AddressField | "email", FieldError>>>({});
  const [options, setOptions] = useState<DeliveryOption[] | undefined>();
  const [optionId, setOptionId] = useState("");
  // The queue's quote for the address entered; undefined in Medusa's cart checkout.
  const [quote, setQuote] = useState<Quote>();
  const [queueClosed, setQueueClosed] = useState(false);
  // A Place order from this browser whose answer was lost (found again after a reload), and
  // what it became once the shop said so.
  const [unanswered, setUnanswered] = useState(false);
  const [earlier, setEarlier] = useState<EarlierCheckout["intake"]>();
  const sentShipping = useRef<string | undefined>(undefined);
  const { busy, setBusy, error: formError, setError: setFormError, run: call } = useAction(t);
  const placing = useRef(false);
  const [payment, setPayment] = useState<PaymentChoice>();
  const [stripeSecret, setStripeSecret] = useState<string>();
  const confirmCard = useRef<ConfirmPayment | null>(null);
  // The card was charged for this cart: a retry after a failed completion must not confirm again.
  const paidFor = useRef<string | undefined>(undefined);
  const countries = regionCountries(region);
  const countryName = (code: string) =>
    new Intl.DisplayNames([locale], { type: "region" }).of(code.toUpperCase()) ?? code;

  useEffect(() => {
    startRegion();
    void call(async () => {
      const loaded = await loadCart();
      const held = loaded && (loaded.items ?? []).length > 0 ? loaded : $basket.get();
      // A Place order whose answer never came (the tab was reloaded since): the form is filled
      // in as it was sent, and the next Place order asks the shop about it first.
      const sent = held ? pendingAttempt(linesOf(held))?.sent : undefined;
      if (sent) {
        setUnanswered(true);
        sentShipping.current = sent.shipping;
      }
      if (!loaded && !sent) return;
      // Prefill from the cart, never over what the shopper has typed meanwhile.
      setEmail((typed) => typed || sent?.email || loaded?.email || "");
      const saved = sent?.shipping_address ?? loaded?.shipping_address;
      setAddress((typed) => {
        const merged = { ...typed };
        for (const field of Object.keys(emptyAddress) as (keyof AddressInput)[]) {
          merged[field] = typed[field] || (saved?.[field] ?? "") || "";
        }
        merged.country_code ||= regionCountries(regionOfCart(held ?? loaded))[0] ?? "";
        return merged;
      });
    });
  }, [call]);

  if (earlier) return <EarlierOrder locale={locale} intake={earlier} />;
  if (cart === undefined && !formError) return <p>{t("cart.loading")}</p>;
  const held = inCart ?? inBasket;
  if (!held) return <EmptyCart locale={locale} error={formError} />;
  const lines = linesOf(held);
  const viaQueue = !STRIPE_KEY && !queueClosed && (inCart?.promotions ?? []).length === 0;
  // The country list shows the region's first country until the shopper picks one.
  const entered = { ...address, country_code: address.country_code || countries[0] || "" };
  // The queue's checkout keeps the address in the page; Medusa's has it on the cart.
  const shownAddress = viaQueue ? entered : inCart?.shipping_address;
  const currency = inCart?.currency_code ?? regions[region].currency;
  const money = (amount: number | undefined) =>
    formatMoney(amount ?? 0, currency, intlLocale(locale, region));

  /** Medusa's checkout needs Medusa's cart: the basket becomes one (one call) when it starts. */
  async function medusaCartId(): Promise<string> {
    if (inCart) return inCart.id;
    const made = await cartFromBasket();
    if (!made) throw Object.assign(new Error("Your cart is empty."), { status: 400 });
    return made.id;
  }

  function submitContact(event: { preventDefault(): void }) {
    event.preventDefault();
    const problem = emailError(email);
    setErrors(problem ? { email: problem } : {});
    if (problem) return;
    if (viaQueue) {
      setStep("address");
      return;
    }
    void call(async () => {
      const { cart: updated } = await medusa.store.cart.update(
        await medusaCartId(),
        // The buyer's language, for the emails Medusa sends about this order.
        { email: email.trim(), metadata: { locale } },
        { fields: CART_FIELDS },
      );
      $cart.set(updated);
      setStep("address");
    });
  }

  function submitAddress(event: { preventDefault(): void }) {
    event.preventDefault();
    const problems = addressErrors(entered, region, countryName);
    setErrors(problems);
    if (Object.keys(problems).length > 0) return;
    void call(async () => {
      const trimmed = trimmedAddress();
      if (viaQueue) {
        try {
          const quoted = inBasket
            ? await withBasketRegion(inBasket, (b) => quoteCart(linesOf(b), trimmed))
            : await quoteCart(lines, trimmed);
          setQuote(quoted);
          const offered = quoted.shipping_options.map((o) => ({
            id: o.id,
            key: o.shipping,
            name: o.name,
            amount: o.amount,
          }));
          setOptions(offered);
          setOptionId((chosen) =>
            offered.some((o) => o.id === chosen)
              ? chosen
              : (offered.find((o) => o.key === sentShipping.current)?.id ?? offered[0]?.id ?? ""),
          );
          setStep("delivery");
          return;
        } catch (reason) {
          // The shop takes cards in this region after all: its own checkout, step by step.
          if (!/launch queue/.test((reason as { message?: string } | null)?.message ?? "")) {
            throw reason;
          }
          setQueueClosed(true);
        }
      }
      const cartId = await medusaCartId();
      const { cart: updated } = await medusa.store.cart.update(
        cartId,
        // The contact is sent again: a cart the queue turned away has not been given it yet.
        {
          email: email.trim(),
          metadata: { locale },
          shipping_address: trimmed,
          billing_address: trimmed,
        },
        { fields: CART_FIELDS },
      );
      $cart.set(updated);
      const { shipping_options } = await medusa.store.fulfillment.listCartOptions({
        cart_id: cartId,
      });
      setOptions(
        shipping_options.map((o) => ({
          id: o.id,
          key: o.type?.code ?? o.id,
          name: o.name,
          amount: o.amount,
        })),
      );
      setOptionId(
        updated.shipping_methods?.[0]?.shipping_option_id ?? shipping_options[0]?.id ?? "",
      );
      setStep("delivery");
    });
  }

  function submitDelivery(event: { preventDefault(): void }) {
    event.preventDefault();
    if (!optionId) return;
    if (viaQueue && quote) {
      setStep("review");
      return;
    }
    void call(async () => {
      const cartId = await medusaCartId();
      const { cart: withShipping } = await medusa.store.cart.addShippingMethod(
        cartId,
        { option_id: optionId },
        { fields: CART_FIELDS },
      );
      const { payment_providers } = await medusa.store.payment.listPaymentProviders({
        region_id: withShipping.region_id ?? "",
      });
      const choice = choosePayment(
        payment_providers.map((p) => p.id),
        STRIPE_KEY,
      );
      if (typeof choice === "string") {
        setFormError(t("checkout.paymentUnavailable"));
        return;
      }
      const { payment_collection } = await medusa.store.payment.initiatePaymentSession(
        withShipping,
        { provider_id: choice.providerId },
      );
      if (choice.kind === "stripe") {
        const secret = stripeClientSecret(payment_collection);
        if (!secret) {
          setFormError(t("checkout.paymentUnavailable"));
          return;
        }
        setStripeSecret(secret);
      }
      setPayment(choice);
      const { cart: reviewed } = await medusa.store.cart.retrieve(cartId, { fields: CART_FIELDS });
      $cart.set(reviewed);
      setStep("review");
    });
  }

  async function placeOrder() {
    if (placing.current) return;
    placing.current = true;
    setBusy(true);
    setFormError(undefined);
    try {
      const chosen = quote?.shipping_options.find((o) => o.id === optionId);
      if (viaQueue && chosen) {
        const intake = await placeCart(lines, {
          email: email.trim(),
          locale,
          shipping_address: trimmedAddress(),
          shipping: chosen.shipping,
        });
        // A basket is kept aside until its order exists: a checkout that fails gives it back.
        if (inBasket) basketPlaced(intake.id);
        forgetCart();
        const query = new URLSearchParams({ intake: intake.id, access: intake.access_token });
        window.location.assign(`${routes.confirmed[locale]}?${query}`);
        return;
      }
      const cartId = await medusaCartId();
      if (payment?.kind === "stripe" && paidFor.current !== cartId) {
        const confirm = confirmCard.current;
        if (!confirm) {
          setFormError(t("checkout.cardUnavailable"));
          return;
        }
        const paid = await confirm();
        if (!paid.ok) {
          setFormError(paid.message);
          return;
        }
        paidFor.current = cartId;
      }
      const result = await medusa.store.cart.complete(cartId);
      if (result.type === "order") {
        // The confirmation and every later visit go through the order's signed link.
        const token = await orderLink(result.order.id, cartId).catch(() =>
          orderLink(result.order.id, cartId),
        );
        forgetCart();
        window.location.assign(`${routes.confirmed[locale]}?token=${encodeURIComponent(token)}`);
        return;
      }
      setFormError(describeError({ status: 400, message: result.error.message }, t));
    } catch (reason) {
      if (reason instanceof EarlierCheckout) {
        earlierTaken(reason.intake);
        return;
      }
      const status = (reason as { status?: number } | null)?.status;
      setFormError(!status || status >= 500 ? t("checkout.retry") : describeError(reason, t));
    } finally {
      placing.current = false;
      setBusy(false);
    }
  }

  /**
   * The shop says the earlier Place order (whose answer was lost) was taken as `intake`, with
   * what was sent then: that is this checkout's order, and nothing new was made. Only if it
   * could not become an order may the shopper place again (as a new checkout).
   */
  function earlierTaken(intake: EarlierCheckout["intake"]) {
    setUnanswered(false);
    if (intake.status === "failed") {
      setFormError(t("checkout.earlierFailed"));
      return;
    }
    // As after any Place order: the basket is kept aside until the order exists.
    if (inBasket) basketPlaced(intake.id);
    forgetCart();
    setEarlier(intake);
  }

  /** The option's name in the page's language (Medusa holds the English one). */
  function deliveryName(option: DeliveryOption | undefined): string {
    const key = shippingOptionKeys.find((k) => k === option?.key);
    if (key) return t(`shipping.${key}`);
    return option?.name ?? "";
  }

  function trimmedAddress(): AddressInput {
    return Object.fromEntries(
      Object.entries(entered).map(([key, value]) => [key, value.trim()]),
    ) as unknown as AddressInput;
  }

  const fieldProps = (field: AddressField) => ({
    id: `checkout-${field}`,
    name: field,
    value: entered[field],
    "aria-invalid": errors[field] ? true : undefined,
    "aria-describedby": errors[field] ? `checkout-${field}-error` : undefined,
    "data-testid": `address-${field}`,
    onChange: (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) =>
      setAddress({ ...address, [field]: e.currentTarget.value }),
  });
  const fieldError = (field: AddressField | "email") => {
    const problem = errors[field];
    return problem ? (
      <span id={`checkout-${field}-error`} className="field__error" data-testid={`error-${field}`}>
        {t(problem.key, problem.values)}
      </span>
    ) : null;
  };
  const textField = (
    field: Exclude<AddressField, "country_code">,
    label: string,
    autoComplete: string,
  ) => (
    <label className="field" key={field}>
      {label}
      <input
        {...fieldProps(field)}
        autoComplete={autoComplete}
        maxLength={fieldLimits[field] + 20}
      />
      {fieldError(field)}
    </label>
  );
  const order: Step[] = ["contact", "address", "delivery", "review"];
  const reached = (s: Step) => order.indexOf(step) >= order.indexOf(s);
  const edit = (s: Step) => (
    <button
      type="button"
      className="button button--secondary"
      onClick={() => setStep(s)}
      data-testid={`edit-${s}`}
    >
      {t("checkout.edit")}
    </button>
  );

  return (
    <div className="checkout" aria-busy={busy}>
      {formError && (
        <p role="alert" className="form-error" data-testid="checkout-error">
          {formError}
        </p>
      )}
      {unanswered && !formError && (
        <p role="status" className="form-error" data-testid="pending-attempt">
          {t("checkout.pending")}
        </p>
      )}

      <section className="checkout-step" aria-labelledby="step-contact">
        <h2 id="step-contact">{t("checkout.contact")}</h2>
        {step === "contact" ? (
          <form noValidate onSubmit={submitContact}>
            <label className="field">
              {t("checkout.email")}
              <input
                type="email"
                autoComplete="email"
                value={email}
                data-testid="email"
                aria-invalid={errors.email ? true : undefined}
                aria-describedby={errors.email ? "checkout-email-error" : undefined}
                onChange={(e) => setEmail(e.currentTarget.value)}
              />
              {fieldError("email")}
            </label>
            <button type="submit" className="button" disabled={busy} data-testid="contact-continue">
              {t("checkout.continue")}
            </button>
          </form>
        ) : (
          <p>
            {viaQueue ? email.trim() : inCart?.email} {edit("contact")}
          </p>
        )}
      </section>

      {reached("address") && (
        <section className="checkout-step" aria-labelledby="step-address">
          <h2 id="step-address">{t("checkout.address")}</h2>
          {step === "address" ? (
            <form noValidate onSubmit={submitAddress}>
              {textField("first_name", t("checkout.firstName"), "given-name")}
              {textField("last_name", t("checkout.lastName"), "family-name")}
              {textField("address_1", t("checkout.address1"), "address-line1")}
              {textField("address_2", t("checkout.address2"), "address-line2")}
              {textField("postal_code", t("checkout.postcode"), "postal-code")}
              {textField("city", t("checkout.city"), "address-level2")}
              <label className="field">
                {t("checkout.country")}
                <select {...fieldProps("country_code")} autoComplete="country">
                  {countries.map((code) => (
                    <option key={code} value={code}>
                      {countryName(code)}
                    </option>
                  ))}
                </select>
                {fieldError("country_code")}
              </label>
              {textField("phone", t("checkout.phone"), "tel")}
              <button
                type="submit"
                className="button"
                disabled={busy}
                data-testid="address-continue"
              >
                {t("checkout.continue")}
              </button>
            </form>
          ) : (
            <p>
              {[shownAddress?.address_1, shownAddress?.postal_code, shownAddress?.city]
                .filter(Boolean)
                .join(", ")}{" "}
              {edit("address")}
            </p>
          )}
        </section>
      )}

      {reached("delivery") && (
        <section className="checkout-step" aria-labelledby="step-delivery">
          <h2 id="step-delivery">{t("checkout.delivery")}</h2>
          {step === "delivery" ? (
            <form onSubmit={submitDelivery}>
              {options && options.length === 0 && <p role="alert">{t("checkout.noOptions")}</p>}
              <fieldset>
                <legend className="visually-hidden">{t("checkout.delivery")}</legend>
                {(options ?? []).map((option) => (
                  <label key={option.id} className="choice">
                    <input
                      type="radio"
                      name="shipping"
                      value={option.id}
                      checked={optionId === option.id}
                      onChange={() => setOptionId(option.id)}
                      data-testid={`shipping-${option.key}`}
                    />
                    {deliveryName(option)} · {money(option.amount)}
                  </label>
                ))}
              </fieldset>
              <h3>{t("checkout.payment")}</h3>
              <p>{STRIPE_KEY ? t("checkout.cardPayment") : t("checkout.demoPayment")}</p>
              <button
                type="submit"
                className="button"
                disabled={busy || !optionId}
                data-testid="delivery-continue"
              >
                {t("checkout.continue")}
              </button>
            </form>
          ) : (
            <p>
              {deliveryName(options?.find((o) => o.id === optionId)) ||
                inCart?.shipping_methods?.[0]?.name}{" "}
              {edit("delivery")}
            </p>
          )}
        </section>
      )}

      {step === "review" && (
        <section className="checkout-step" aria-labelledby="step-review">
          <h2 id="step-review">{t("checkout.review")}</h2>
          {(() => {
            const totals =
              (viaQueue && quote?.shipping_options.find((o) => o.id === optionId)?.totals) ||
              inCart;
            return totals ? <CartTotals cart={totals} locale={locale} region={region} /> : null;
          })()}
          <ShipPromise locale={locale} region={region} units={units} />
          {payment?.kind === "stripe" && stripeSecret && (
            <StripePayment
              publishableKey={payment.publishableKey}
              clientSecret={stripeSecret}
              locale={locale}
              confirmRef={confirmCard}
            />
          )}
          <button
            type="button"
            className="button"
            disabled={busy}
            onClick={placeOrder}
            data-testid="place-order"
          >
            {busy ? t("checkout.placing") : t("checkout.placeOrder")}
          </button>
        </section>
      )}
    </div>
  );
}
