import { useStore } from "@nanostores/react";
import { useEffect } from "react";
import { type Locale, routes, translator } from "../i18n/index.ts";
import { $cartCount, loadCart } from "../lib/cart.ts";
import { $region, chooseRegion, startRegion } from "../lib/region.ts";
import { useHydrated } from "../lib/use-hydrated.ts";
import { defaultRegion, isRegionKey, regionKeys, regions } from "../product/index.ts";

interface Props {
  locale: Locale;
}

/** Region (and so currency) switch and the cart link with its count, in the page header. */
export default function HeaderTools({ locale }: Props) {
  const t = translator(locale);
  const hydrated = useHydrated();
  const storedRegion = useStore($region);
  const storedCount = useStore($cartCount);
  const region = hydrated ? storedRegion : defaultRegion;
  const count = hydrated ? storedCount : 0;
  useEffect(() => {
    startRegion();
    loadCart().catch(() => undefined);
  }, []);
  return (
    <div className="header-tools">
      <label>
        {t("nav.region")}{" "}
        <select
          data-testid="region-select"
          value={region}
          onChange={(e) => {
            const value = e.currentTarget.value;
            if (isRegionKey(value)) chooseRegion(value);
          }}
        >
          {regionKeys.map((key) => (
            <option key={key} value={key}>
              {t(`region.${key}`)} ({regions[key].currency.toUpperCase()})
            </option>
          ))}
        </select>
      </label>
      <a
        href={routes.cart[locale]}
        data-testid="cart-link"
        aria-label={t("nav.cartCount", { count })}
      >
        {t("nav.cart")} <span data-testid="cart-count">{count}</span>
      </a>
    </div>
  );
}
