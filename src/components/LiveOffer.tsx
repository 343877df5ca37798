import type { HttpTypes } from "@medusajs/types";
import { useStore } from "@nanostores/react";
import { useEffect, useId, useState } from "react";
import { intlLocale, type Locale, routes, translator } from "../i18n/index.ts";
import { names } from "../i18n/names.ts";
import { addToCart } from "../lib/cart.ts";
import { describeError } from "../lib/errors.ts";
import { formatMoney } from "../lib/format.ts";
import { medusa } from "../lib/medusa.ts";
import { $region, regionId, startRegion } from "../lib/region.ts";
import {
  $selection,
  bindSelectionToUrl,
  defaultSelection,
  selectColour,
  selectFit,
} from "../lib/selection.ts";
import { useHydrated } from "../lib/use-hydrated.ts";
import {
  colourKeys,
  colours,
  defaultRegion,
  fitKeys,
  product,
  type RegionKey,
  regions,
  sku,
} from "../product/index.ts";
import ShipPromise from "./ShipPromise.tsx";

interface Props {
  locale: Locale;
}

type Variant = HttpTypes.StoreProductVariant;

async function loadVariants(region: RegionKey): Promise<Variant[]> {
  const { products } = await medusa.store.product.list({
    handle: product.handle,
    region_id: await regionId(region, regions[region].name),
    fields: "*variants.calculated_price,+variants.inventory_quantity",
  });
  return products[0]?.variants ?? [];
}

type AddState = "idle" | "adding" | "added" | { error: string };

/**
 * The live part of the product page: fit and colour (shared with the configurator through the
 * selection store), the price and stock Medusa reports for that variant in the shopper's
 * region, and "add to cart".
 */
export default function LiveOffer({ locale }: Props) {
  const id = useId();
  const t = translator(locale);
  const hydrated = useHydrated();
  const storedRegion = useStore($region);
  const storedSelection = useStore($selection);
  const region = hydrated ? storedRegion : defaultRegion;
  const { fit, colour } = hydrated ? storedSelection : defaultSelection;
  const [variants, setVariants] = useState<Variant[] | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [quantity, setQuantity] = useState(1);
  const [adding, setAdding] = useState<AddState>("idle");
  const [datable, setDatable] = useState(true);
  useEffect(() => {
    bindSelectionToUrl();
    startRegion();
  }, []);

  useEffect(() => {
    let current = true;
    setVariants(undefined);
    setError(undefined);
    loadVariants(region).then(
      (loaded) => current && setVariants(loaded),
      (reason: unknown) => current && setError(describeError(reason, t)),
    );
    return () => {
      current = false;
    };
  }, [region, t]);

  const variant = variants?.find((v) => v.sku === sku(fit, colour));
  const price = variant?.calculated_price;
  const available = variant?.inventory_quantity ?? 0;
  const ready = variant && price?.calculated_amount != null && price.currency_code;

  async function onSubmit(event: { preventDefault(): void }) {
    event.preventDefault();
    if (!variant || adding === "adding") return;
    setAdding("adding");
    try {
      await addToCart(region, { id: variant.id, sku: variant.sku ?? "" }, quantity);
      setAdding("added");
    } catch (reason) {
      setAdding({ error: describeError(reason, t) });
    }
  }

  return (
    <form className="offer" aria-describedby={`${id}-price`} onSubmit={onSubmit}>
      <fieldset>
        <legend>{t("offer.fit")}</legend>
        {fitKeys.map((key) => (
          <label key={key} className="choice">
            <input
              type="radio"
              name="fit"
              value={key}
              checked={fit === key}
              onChange={() => selectFit(key)}
              data-testid={`fit-${key}`}
            />
            {names[locale].fit[key]}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>{t("offer.colour")}</legend>
        {colourKeys.map((key) => (
          <label key={key} className="choice">
            <input
              type="radio"
              name="colour"
              value={key}
              checked={colour === key}
              onChange={() => selectColour(key)}
              data-testid={`colour-${key}`}
            />
            <span className="swatch" style={{ background: colours[key].hex }} aria-hidden="true" />
            {names[locale].colour[key]}
          </label>
        ))}
      </fieldset>
      <output id={`${id}-price`} className="offer__price" data-testid="offer" aria-live="polite">
        {error && <span role="alert">{error}</span>}
        {!error && !variants && t("offer.loading")}
        {!error && variants && !ready && <span role="alert">{t("offer.unavailable")}</span>}
        {!error && ready && (
          <>
            <strong data-testid="price">
              {formatMoney(
                price.calculated_amount ?? 0,
                price.currency_code ?? "",
                intlLocale(locale, region),
              )}
            </strong>{" "}
            <span>{t("offer.exclVat")}</span> ·{" "}
            <span data-testid="stock">
              {available > 0 ? t("offer.inStock") : t("offer.soldOut")}
            </span>
            <small className="offer__sku">{sku(fit, colour)}</small>
          </>
        )}
      </output>
      <ShipPromise locale={locale} region={region} units={quantity} onAvailability={setDatable} />
      <div className="offer__buy">
        <label className="field">
          {t("offer.quantity")}
          <input
            type="number"
            min={1}
            max={Math.max(1, available)}
            step={1}
            inputMode="numeric"
            value={quantity}
            data-testid="quantity"
            onChange={(e) =>
              setQuantity(Math.max(1, Math.floor(Number(e.currentTarget.value) || 1)))
            }
          />
        </label>
        <button
          type="submit"
          className="button"
          data-testid="add-to-cart"
          disabled={!ready || available <= 0 || !datable || adding === "adding"}
        >
          {adding === "adding" ? t("offer.adding") : t("offer.addToCart")}
        </button>
      </div>
      <p aria-live="polite" data-testid="add-status">
        {adding === "added" && (
          <>
            {t("offer.added")} <a href={routes.cart[locale]}>{t("offer.viewCart")}</a>
          </>
        )}
        {typeof adding === "object" && <span role="alert">{adding.error}</span>}
      </p>
    </form>
  );
}
