/**
 * The shop-origin end of the retailer widget's "Buy": puts the widget's configuration into the
 * shopper's Camslide cart (cart mode) or a fresh cart (checkout mode), credits the cart to the
 * retailer when the widget brought a valid attribution token, then opens the cart or checkout.
 * It runs here, on the shop's origin, because that is where the shopper's cart id lives.
 */
import { useEffect, useState } from "react";
import { isLocale, type Locale, routes, translator } from "../i18n/index.ts";
import { $cart, addToCart, forgetCart } from "../lib/cart.ts";
import { describeError } from "../lib/errors.ts";
import { readHandoff } from "../lib/handoff.ts";
import { medusa } from "../lib/medusa.ts";
import { chooseRegion } from "../lib/region.ts";
import { product } from "../product/index.ts";

interface Props {
  locale: Locale;
}

async function variantBySku(sku: string): Promise<{ id: string; sku: string }> {
  const { products } = await medusa.store.product.list({
    handle: product.handle,
    fields: "variants.id,variants.sku",
  });
  const variant = products[0]?.variants?.find((v) => v.sku === sku);
  if (!variant) throw Object.assign(new Error(`unknown variant ${sku}`), { status: 404 });
  return { id: variant.id, sku };
}

export default function EmbedHandoff({ locale: pageLocale }: Props) {
  const [error, setError] = useState<string | undefined>();
  const [locale, setLocale] = useState(pageLocale);
  const t = translator(locale);

  useEffect(() => {
    const params = new URLSearchParams(window.location.search);
    const wanted = params.get("locale");
    const shopperLocale = isLocale(wanted) ? wanted : pageLocale;
    setLocale(shopperLocale);
    void (async () => {
      try {
        // Refused before the shopper's cart is touched (see lib/handoff).
        const { region, sku, quantity, token, checkout } = readHandoff(params);
        chooseRegion(region);
        const variant = await variantBySku(sku);
        // Checkout mode buys exactly this configuration: a cart of its own.
        if (checkout) forgetCart();
        // A retailer's credit lives on Medusa's cart; without one, the basket will do.
        await addToCart(region, variant, quantity, { medusaCart: Boolean(token) });
        const cart = $cart.get();
        if (token && cart) {
          await medusa.client
            .fetch("/store/embed/cart-attribution", {
              method: "POST",
              body: { cart_id: cart.id, token },
            })
            .catch((reason: unknown) =>
              console.warn("Camslide: this cart is credited to no retailer.", reason),
            );
        }
        window.location.replace(
          checkout ? routes.checkout[shopperLocale] : routes.cart[shopperLocale],
        );
      } catch (reason) {
        setError(describeError(reason, translator(shopperLocale)));
      }
    })();
  }, [pageLocale]);

  return (
    <>
      <p data-testid="handoff-status" role="status">
        {error ?? t("embed.handoff")}
      </p>
      {error && (
        <p>
          <a data-testid="handoff-back" href={routes.home[locale]}>
            {t("notFound.back")}
          </a>
        </p>
      )}
    </>
  );
}
