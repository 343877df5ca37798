import { useEffect, useState } from "react";
import { intlLocale, type Locale, translator } from "../i18n/index.ts";
import { formatShipDate, type ShipPromise as Promised, quotePromise } from "../lib/promise.ts";
import type { RegionKey } from "../product/index.ts";

interface Props {
  locale: Locale;
  region: RegionKey;
  units: number;
  /** Told whether an order of `units` can be dated now (false: sold out). */
  onAvailability?: (available: boolean) => void;
}

/** "Ships by 29 January 2027 (production batch 1)": shown before the shopper pays. */
export default function ShipPromise({ locale, region, units, onAvailability }: Props) {
  const t = translator(locale);
  const [promise, setPromise] = useState<Promised | null | undefined>();
  useEffect(() => {
    let current = true;
    quotePromise(Math.max(1, units)).then(
      (found) => {
        if (!current) return;
        setPromise(found);
        onAvailability?.(found !== null);
      },
      () => current && setPromise(undefined),
    );
    return () => {
      current = false;
    };
  }, [units, onAvailability]);
  if (promise === undefined) return null;
  return (
    <p className="ship-promise" data-testid="ship-promise">
      {promise
        ? t("promise.shipsBy", {
            date: formatShipDate(promise.ships_by, intlLocale(locale, region)),
            batch: promise.number,
          })
        : t("promise.soldOut")}
    </p>
  );
}
