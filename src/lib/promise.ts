import { medusa } from "./medusa.ts";

export interface ShipPromise {
  number: number;
  /** ISO date (YYYY-MM-DD). */
  ships_by: string;
}

/** The batch and ship-by date an order of `units` would get if placed now; null: sold out. */
export async function quotePromise(units: number): Promise<ShipPromise | null> {
  const { batch } = await medusa.client.fetch<{ available: boolean; batch: ShipPromise | null }>(
    "/store/production/promise",
    { query: { units } },
  );
  return batch;
}

/** The batch and date an order was given when it was placed. */
export async function orderPromise(orderId: string): Promise<ShipPromise> {
  const { batch } = await medusa.client.fetch<{ batch: ShipPromise }>(
    `/store/production/orders/${encodeURIComponent(orderId)}`,
  );
  return batch;
}

/** "29 January 2027" in the shopper's language; the date is a calendar day, not a moment. */
export function formatShipDate(isoDate: string, intlLocale: string): string {
  return new Intl.DateTimeFormat(intlLocale, { dateStyle: "long", timeZone: "UTC" }).format(
    new Date(`${isoDate}T00:00:00Z`),
  );
}
