/** Prices for the widget, from the backend's public /embed/offer (Medusa's pricing). */
import type { RegionKey } from "../product/markets.ts";

export interface Offer {
  currency_code: string;
  variants: { id: string; sku: string; amount: number }[];
}

const offers = new Map<RegionKey, Promise<Offer>>();

export function loadOffer(backendUrl: string, region: RegionKey): Promise<Offer> {
  let offer = offers.get(region);
  if (!offer) {
    offer = fetch(`${backendUrl}/embed/offer?region=${region}`).then(async (response) => {
      if (!response.ok) throw new Error(`offer: HTTP ${response.status}`);
      return (await response.json()) as Offer;
    });
    offer.catch(() => offers.delete(region));
    offers.set(region, offer);
  }
  return offer;
}
