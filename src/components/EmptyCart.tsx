import { type Locale, routes, translator } from "../i18n/index.ts";

interface Props {
  locale: Locale;
  error?: string | undefined;
}

/** What the cart and the checkout show when there is nothing to buy (or it could not load). */
export default function EmptyCart({ locale, error }: Props) {
  const t = translator(locale);
  return (
    <div>
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
      <p data-testid="cart-empty">{t("cart.empty")}</p>
      <a href={routes.home[locale]}>{t("cart.continue")}</a>
    </div>
  );
}
