import { useStore } from "@nanostores/react";
import { useEffect, useState } from "react";
import { intlLocale, type Locale, translator } from "../i18n/index.ts";
import { describeError } from "../lib/errors.ts";
import { medusa } from "../lib/medusa.ts";
import { formatShipDate } from "../lib/promise.ts";
import { $region, startRegion } from "../lib/region.ts";

interface Props {
  locale: Locale;
}

interface Batch {
  number: number;
  ships_by: string;
  state: "open" | "full" | "in_production" | "shipping" | "shipped";
  capacity_units: number;
  ordered_units: number;
  produced_units: number;
  shipped_units: number;
}

/** The public progress page: every batch's date, state, and units ordered, made and shipped, live from Medusa. */
export default function ProductionProgress({ locale }: Props) {
  const t = translator(locale);
  const region = useStore($region);
  const [batches, setBatches] = useState<Batch[] | undefined>();
  const [error, setError] = useState<string | undefined>();
  useEffect(() => {
    startRegion();
    medusa.client.fetch<{ batches: Batch[] }>("/store/production/progress").then(
      ({ batches: found }) => setBatches(found),
      (reason: unknown) => setError(describeError(reason, t)),
    );
  }, [t]);
  if (error) return <p role="alert">{error}</p>;
  if (!batches) return <p>{t("confirm.loading")}</p>;
  const intl = intlLocale(locale, region);
  const count = (n: number) => n.toLocaleString(intl);
  return (
    <ol className="progress-list" data-testid="progress">
      {batches.map((batch) => (
        <li key={batch.number} className="progress-batch" data-testid="progress-batch">
          <h2>{t("progress.batch", { batch: batch.number })}</h2>
          <p>
            {t("progress.shipsBy", { date: formatShipDate(batch.ships_by, intl) })} ·{" "}
            {t(`status.batchState.${batch.state}`)}
          </p>
          <label>
            {t("progress.ordered", {
              ordered: count(batch.ordered_units),
              capacity: count(batch.capacity_units),
            })}
            <progress max={batch.capacity_units} value={batch.ordered_units} />
          </label>
          <label>
            {t("progress.produced", {
              produced: count(batch.produced_units),
              ordered: count(batch.ordered_units),
            })}
            <progress
              max={Math.max(batch.ordered_units, 1)}
              value={Math.min(batch.produced_units, batch.ordered_units)}
              data-testid="progress-produced"
            />
          </label>
          <label>
            {t("progress.shipped", {
              shipped: count(batch.shipped_units),
              ordered: count(batch.ordered_units),
            })}
            <progress
              max={Math.max(batch.ordered_units, 1)}
              value={batch.shipped_units}
              data-testid="progress-shipped"
            />
          </label>
        </li>
      ))}
    </ol>
  );
}
