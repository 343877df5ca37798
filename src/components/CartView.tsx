import { useStore } from "@nanostores/react";
import { useEffect, useState } from "react";
import { posterPath } from "../configurator/productJsonLd.ts";
import { intlLocale, type Locale, routes, translator } from "../i18n/index.ts";
import { names } from "../i18n/names.ts";
import {
  $basket,
  $cart,
  applyPromotion,
  loadCart,
  removeLine,
  removePromotion,
  setQuantity,
  withBasketRegion,
} from "../lib/cart.ts";
import { formatMoney } from "../lib/format.ts";
import { linesOf, type PricedLines, priceLines } from "../lib/launch-queue.ts";
import { $region } from "../lib/region.ts";
import { useAction } from "../lib/use-action.ts";
import { useHydrated } from "../lib/use-hydrated.ts";
import { orderLimits, regions, variantBySku } from "../product/index.ts";
import CartTotals from "./CartTotals.tsx";
import EmptyCart from "./EmptyCart.tsx";

interface Props {
  locale: Locale;
}

interface Line {
  /** Medusa's line id, or the variant's for a basket line. */
  id: string;
  sku: string;
  title: string;
  quantity: number;
  subtotal: number | undefined;
}

/**
 * The cart page: lines with quantity and remove, promotion code, totals from Medusa. A basket
 * (kept in the browser) is priced by the shop's quote: each line and their sum; delivery and
 * tax follow at checkout, once there is an address.
 */
export default function CartView({ locale }: Props) {
  const t = translator(locale);
  const hydrated = useHydrated();
  const stored = useStore($cart);
  const storedBasket = useStore($basket);
  const cart = hydrated ? stored : undefined;
  const inCart = cart && (cart.items ?? []).length > 0 ? cart : null;
  const basket = inCart || !hydrated ? null : (storedBasket ?? null);
  const region = useStore($region);
  const [code, setCode] = useState("");
  const [priced, setPriced] = useState<PricedLines>();
  const { busy, error, run } = useAction(t);

  useEffect(() => {
    void run(loadCart);
  }, [run]);

  // The basket's prices, asked again whenever its lines change.
  const basketLines = basket ? JSON.stringify(linesOf(basket)) : undefined;
  useEffect(() => {
    const current = $basket.get();
    if (!basketLines || !current) return;
    void run(async () => {
      setPriced(undefined);
      setPriced(await withBasketRegion(current, (b) => priceLines(linesOf(b))));
    });
  }, [basketLines, run]);

  if (cart === undefined && !error) return <p>{t("cart.loading")}</p>;
  const items: Line[] = inCart
    ? (inCart.items ?? []).map((item) => ({
        id: item.id,
        sku: item.variant_sku ?? "",
        title: item.title ?? "",
        quantity: item.quantity,
        subtotal: item.subtotal,
      }))
    : (basket?.lines ?? []).map((line) => ({
        id: line.variant_id,
        sku: line.sku,
        title: line.sku,
        quantity: line.quantity,
        subtotal: priced?.items.find(
          (p) => p.variant_id === line.variant_id && p.quantity === line.quantity,
        )?.subtotal,
      }));
  if (items.length === 0) return <EmptyCart locale={locale} error={error} />;
  const currency = inCart?.currency_code ?? regions[basket?.region ?? region].currency;
  const money = (amount: number | undefined) =>
    formatMoney(amount ?? 0, currency, intlLocale(locale, region));
  const appliedCodes = (inCart?.promotions ?? [])
    .map((p) => p.code)
    .filter((c): c is string => !!c);

  return (
    <div className="cart" aria-busy={busy}>
      {error && (
        <p role="alert" className="form-error" data-testid="cart-error">
          {error}
        </p>
      )}
      <ul className="cart-lines">
        {items.map((item) => {
          const spec = variantBySku(item.sku);
          const title = spec
            ? `${names[locale].fit[spec.fit]} · ${names[locale].colour[spec.colour]}`
            : item.title;
          return (
            <li key={item.id} className="cart-line" data-testid="cart-line">
              {spec && (
                <img
                  src={posterPath(spec.fit, spec.colour)}
                  width="96"
                  height="72"
                  alt=""
                  className="cart-line__image"
                />
              )}
              <span className="cart-line__title">{title}</span>
              <label>
                <span className="visually-hidden">{t("cart.quantityOf", { item: title })}</span>
                <input
                  type="number"
                  min={1}
                  step={1}
                  max={orderLimits.quantityPerLine}
                  defaultValue={item.quantity}
                  data-testid="line-quantity"
                  onBlur={(e) => {
                    const next = Math.floor(Number(e.currentTarget.value));
                    if (next !== item.quantity && next >= 1)
                      void run(() => setQuantity(item.id, next));
                  }}
                />
              </label>
              <span data-testid="line-subtotal">
                {item.subtotal === undefined ? "…" : money(item.subtotal)}
              </span>
              <button
                type="button"
                className="button button--secondary"
                onClick={() => run(() => removeLine(item.id))}
              >
                {t("cart.remove")}
              </button>
            </li>
          );
        })}
      </ul>
      <form
        className="promo"
        onSubmit={(e) => {
          e.preventDefault();
          const value = code.trim().toUpperCase();
          if (!value) return;
          void run(async () => {
            const updated = await applyPromotion(value);
            if (!updated?.promotions?.some((p) => p.code === value))
              throw { status: 400, message: t("cart.promoInvalid") };
            setCode("");
          });
        }}
      >
        <label className="field">
          {t("cart.promo")}
          <input
            value={code}
            onChange={(e) => setCode(e.currentTarget.value)}
            data-testid="promo-code"
            maxLength={40}
          />
        </label>
        <button
          type="submit"
          className="button button--secondary"
          disabled={busy}
          data-testid="apply-promo"
        >
          {t("cart.applyPromo")}
        </button>
        {appliedCodes.map((applied) => (
          <button
            key={applied}
            type="button"
            className="button button--secondary"
            onClick={() => run(() => removePromotion(applied))}
          >
            {t("cart.removePromo", { code: applied })}
          </button>
        ))}
      </form>
      {inCart ? (
        <CartTotals cart={inCart} locale={locale} region={region} showShipping={false} />
      ) : (
        <>
          <dl className="totals" data-testid="totals">
            <dt>{t("cart.subtotal")}</dt>
            <dd data-testid="total-items">{priced ? money(priced.item_subtotal) : "…"}</dd>
          </dl>
          <p className="totals__note">{t("cart.atCheckout")}</p>
        </>
      )}
      <a className="button" href={routes.checkout[locale]} data-testid="go-to-checkout">
        {t("cart.checkout")}
      </a>
    </div>
  );
}
