import { defineRouteConfig } from "@medusajs/admin-sdk";
import { Badge, Button, Container, Heading, Input, Text } from "@medusajs/ui";
import { useCallback, useEffect, useId, useState } from "react";

interface Batch {
  id: string;
  number: number;
  capacity_units: number;
  allocated_units: number;
  ships_by: string;
  state: string;
}

const day = (iso: string) => iso.slice(0, 10);

async function call<T>(path: string, body?: unknown): Promise<T> {
  const response = await fetch(path, {
    method: body === undefined ? "GET" : "POST",
    credentials: "include",
    headers: { "content-type": "application/json" },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const json = (await response.json()) as T & { message?: string };
  if (!response.ok) throw new Error(json.message ?? `HTTP ${response.status}`);
  return json;
}

function BatchRow({ batch, onSaved }: { batch: Batch; onSaved: () => void }) {
  const [date, setDate] = useState(day(batch.ships_by));
  const [capacity, setCapacity] = useState(String(batch.capacity_units));
  const [message, setMessage] = useState<string | undefined>();
  const id = useId();
  const fill = batch.capacity_units > 0 ? batch.allocated_units / batch.capacity_units : 1;
  const save = async () => {
    setMessage(undefined);
    try {
      await call(`/admin/production/batches/${batch.id}`, {
        ships_by: date,
        capacity_units: Number(capacity),
      });
      onSaved();
    } catch (error) {
      setMessage(error instanceof Error ? error.message : String(error));
    }
  };
  return (
    <div className="flex flex-col gap-y-2 border-b px-6 py-4" data-testid={`batch-${batch.number}`}>
      <div className="flex items-center gap-x-3">
        <Heading level="h2">Batch {batch.number}</Heading>
        <Badge>{batch.state}</Badge>
        <Text className="text-ui-fg-subtle">
          {batch.allocated_units.toLocaleString()} of {batch.capacity_units.toLocaleString()} units
          promised
        </Text>
      </div>
      <div className="h-2 w-full overflow-hidden rounded bg-ui-bg-subtle" aria-hidden="true">
        <div
          className="h-2 bg-ui-fg-interactive"
          style={{ width: `${Math.min(100, fill * 100)}%` }}
        />
      </div>
      <div className="flex items-end gap-x-3">
        <div className="flex flex-col gap-y-1">
          <label htmlFor={`${id}-date`} className="txt-compact-small">
            Ships by
          </label>
          <Input
            id={`${id}-date`}
            type="date"
            value={date}
            onChange={(e) => setDate(e.target.value)}
          />
        </div>
        <div className="flex flex-col gap-y-1">
          <label htmlFor={`${id}-capacity`} className="txt-compact-small">
            Capacity (units)
          </label>
          <Input
            id={`${id}-capacity`}
            type="number"
            min={batch.allocated_units}
            value={capacity}
            onChange={(e) => setCapacity(e.target.value)}
          />
        </div>
        <Button variant="secondary" onClick={save}>
          Save (buyers are told of a new date)
        </Button>
        <a
          className="txt-compact-small text-ui-fg-interactive"
          href={`/admin/ops/export.csv?batch=${batch.number}`}
          download={`camslide-batch-${batch.number}.csv`}
        >
          Export for the 3PL (CSV)
        </a>
      </div>
      {message && <Text className="text-ui-fg-error">{message}</Text>}
    </div>
  );
}

/** Production batches: fill, dates and capacity, with the 3PL export per batch. */
const BatchesPage = () => {
  const [batches, setBatches] = useState<Batch[] | undefined>();
  const [error, setError] = useState<string | undefined>();
  const load = useCallback(() => {
    call<{ batches: Batch[] }>("/admin/production/batches").then(
      ({ batches: found }) => setBatches(found),
      (reason: unknown) => setError(reason instanceof Error ? reason.message : String(reason)),
    );
  }, []);
  useEffect(load, [load]);
  return (
    <Container className="divide-y p-0">
      <div className="px-6 py-4">
        <Heading level="h1">Production batches</Heading>
        <Text className="text-ui-fg-subtle">
          Every order is put into the earliest open batch with room when it is placed.
        </Text>
      </div>
      {error && <Text className="px-6 py-4 text-ui-fg-error">{error}</Text>}
      {batches?.map((batch) => (
        <BatchRow
          key={`${batch.id}-${batch.ships_by}-${batch.capacity_units}`}
          batch={batch}
          onSaved={load}
        />
      ))}
    </Container>
  );
};

export const config = defineRouteConfig({ label: "Production batches" });

export default BatchesPage;
