import type { HttpTypes } from "@medusajs/types";
import { useStore } from "@nanostores/react";
import { useEffect, useId, useState } from "react";
import { formatMoney } from "../lib/format.ts";
import { medusa } from "../lib/medusa.ts";
import { $selection, bindSelectionToUrl, selectColour, selectFit } from "../lib/selection.ts";
import {
  colourKeys,
  colours,
  defaultRegion,
  fitKeys,
  fits,
  product,
  type RegionKey,
  regionKeys,
  regions,
  sku,
} from "../product/index.ts";

type Offer =
  | { state: "loading" }
  | { state: "error"; message: string }
  | { state: "ready"; amount: number; currency: string; inStock: boolean; variantId: string };

type Variant = HttpTypes.StoreProductVariant;

async function loadVariants(regionName: string): Promise<Variant[]> {
  const { regions: found } = await medusa.store.region.list({ name: regionName });
  const region = found[0];
  if (!region) throw new Error(`The shop has no region "${regionName}".`);
  const { products } = await medusa.store.product.list({
    handle: product.handle,
    region_id: region.id,
    fields: "*variants.calculated_price,+variants.inventory_quantity",
  });
  return products[0]?.variants ?? [];
}

/**
 * The live part of the product page: the shopper's region, fit and colour, and the price and
 * stock Medusa reports for that variant. Fit and colour live in the shared selection store, so
 * the configurator and this form always agree.
 */
export default function LiveOffer() {
  const id = useId();
  const [region, setRegion] = useState<RegionKey>(defaultRegion);
  const { fit, colour } = useStore($selection);
  useEffect(bindSelectionToUrl, []);
  const [variants, setVariants] = useState<Variant[] | undefined>();
  const [error, setError] = useState<string | undefined>();

  useEffect(() => {
    let current = true;
    setVariants(undefined);
    setError(undefined);
    loadVariants(regions[region].name).then(
      (loaded) => current && setVariants(loaded),
      (reason: unknown) =>
        current && setError(reason instanceof Error ? reason.message : String(reason)),
    );
    return () => {
      current = false;
    };
  }, [region]);

  const offer = ((): Offer => {
    if (error) return { state: "error", message: error };
    if (!variants) return { state: "loading" };
    const variant = variants.find((v) => v.sku === sku(fit, colour));
    const price = variant?.calculated_price;
    if (!variant || price?.calculated_amount == null || !price.currency_code) {
      return { state: "error", message: "This variant is not for sale in your region." };
    }
    return {
      state: "ready",
      amount: price.calculated_amount,
      currency: price.currency_code,
      inStock: (variant.inventory_quantity ?? 0) > 0,
      variantId: variant.id,
    };
  })();

  return (
    <form className="offer" aria-describedby={`${id}-price`} onSubmit={(e) => e.preventDefault()}>
      <label className="offer__region">
        Ship to{" "}
        <select
          data-testid="region-select"
          value={region}
          onChange={(e) => setRegion(e.currentTarget.value as RegionKey)}
        >
          {regionKeys.map((key) => (
            <option key={key} value={key}>
              {regions[key].name} ({regions[key].currency.toUpperCase()})
            </option>
          ))}
        </select>
      </label>
      <fieldset>
        <legend>Fit</legend>
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
            {fits[key].name}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>Colour</legend>
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
            {colours[key].name}
          </label>
        ))}
      </fieldset>
      <output id={`${id}-price`} className="offer__price" data-testid="offer" aria-live="polite">
        {offer.state === "loading" && "Loading price…"}
        {offer.state === "error" && <span role="alert">{offer.message}</span>}
        {offer.state === "ready" && (
          <>
            <strong data-testid="price">{formatMoney(offer.amount, offer.currency)}</strong>{" "}
            <span>excl. VAT</span> ·{" "}
            <span data-testid="stock">{offer.inStock ? "In stock" : "Sold out"}</span>
            <small className="offer__sku">{sku(fit, colour)}</small>
          </>
        )}
      </output>
    </form>
  );
}
