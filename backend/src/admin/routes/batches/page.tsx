import { defineRouteConfig } from "@medusajs/admin-sdk";
import { Badge, Button, Container, Heading, Input, Text } from "@medusajs/ui";
import { useCallback, useEffect, useId, useState } from "react";
import type { QueueSummary } from "../../../modules/checkout-intake/service";

interface Batch {
  id: string;
  number: number;
  capacity_units: number;
  allocated_units: number;
  produced_units: number;
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

/**
 * Hands the batch's new orders to the 3PL (POST: it marks them exported) and saves the CSV the
 * response carries; a link could only GET, and a GET must change nothing.
 */
async function exportBatch(batchNumber: number): Promise<boolean> {
  const response = await fetch("/admin/ops/exports", {
    method: "POST",
    credentials: "include",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ batch: batchNumber }),
  });
  if (!response.ok) {
    const json = (await response.json().catch(() => ({}))) as { message?: string };
    throw new Error(json.message ?? `HTTP ${response.status}`);
  }
  const blob = await response.blob();
  const link = document.createElement("a");
  link.href = URL.createObjectURL(blob);
  link.download = `camslide-batch-${batchNumber}-${response.headers.get("x-camslide-export-id") ?? "export"}.csv`;
  link.click();
  // Revoked later: the browser may still be reading the file when click() returns.
  setTimeout(() => URL.revokeObjectURL(link.href), 60_000);
  // The header is one line; anything after it is an order line.
  const text = await blob.text();
  return text.indexOf("\n") < text.length - 1;
}

function BatchRow({ batch, onSaved }: { batch: Batch; onSaved: () => void }) {
  const [date, setDate] = useState(day(batch.ships_by));
  const [capacity, setCapacity] = useState(String(batch.capacity_units));
  const [produced, setProduced] = useState(String(batch.produced_units ?? 0));
  const [message, setMessage] = useState<string | undefined>();
  const id = useId();
  const fill = batch.capacity_units > 0 ? batch.allocated_units / batch.capacity_units : 1;
  const exportNow = async () => {
    setMessage(undefined);
    try {
      if (!(await exportBatch(batch.number))) setMessage("Nothing new to export.");
    } catch (error) {
      setMessage(error instanceof Error ? error.message : String(error));
    }
  };
  const save = async () => {
    setMessage(undefined);
    try {
      await call(`/admin/production/batches/${batch.id}`, {
        ships_by: date,
        capacity_units: Number(capacity),
        produced_units: Number(produced),
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
          promised · {(batch.produced_units ?? 0).toLocaleString()} made
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
        <div className="flex flex-col gap-y-1">
          <label htmlFor={`${id}-produced`} className="txt-compact-small">
            Made so far (units, shown publicly)
          </label>
          <Input
            id={`${id}-produced`}
            type="number"
            min={0}
            max={Number(capacity) || undefined}
            value={produced}
            onChange={(e) => setProduced(e.target.value)}
          />
        </div>
        <Button variant="secondary" onClick={save}>
          Save (buyers are told of a new date)
        </Button>
        <Button variant="transparent" onClick={exportNow}>
          Export new orders for the 3PL (CSV)
        </Button>
      </div>
      {message && <Text className="text-ui-fg-error">{message}</Text>}
    </div>
  );
}

interface ImportReport {
  shipped: { line: number; order_number: number }[];
  rejected: { line: number; reason: string }[];
}

/**
 * The 3PL's tracking file: each good row ships its order (buyers get the shipped email); each
 * bad row is listed with its line and reason, and the rest still go through.
 */
function TrackingImport({ onDone }: { onDone: () => void }) {
  const [report, setReport] = useState<ImportReport | undefined>();
  const [message, setMessage] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const id = useId();
  const upload = async (file: File | undefined) => {
    if (!file) return;
    setBusy(true);
    setMessage(undefined);
    setReport(undefined);
    try {
      const response = await fetch("/admin/ops/tracking", {
        method: "POST",
        credentials: "include",
        headers: { "content-type": "text/plain" },
        body: await file.text(),
      });
      const json = (await response.json()) as ImportReport & { message?: string };
      if (!response.ok) throw new Error(json.message ?? `HTTP ${response.status}`);
      setReport(json);
      onDone();
    } catch (error) {
      setMessage(error instanceof Error ? error.message : String(error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="flex flex-col gap-y-2 px-6 py-4" data-testid="tracking-import">
      <label htmlFor={id} className="txt-compact-small-plus">
        Import tracking from the 3PL (CSV: order_number, carrier, tracking_number, shipped_date)
      </label>
      <input
        id={id}
        type="file"
        accept=".csv,text/csv"
        disabled={busy}
        onChange={(e) => {
          void upload(e.target.files?.[0]);
          e.target.value = "";
        }}
      />
      {busy && <Text>Importing…</Text>}
      {message && <Text className="text-ui-fg-error">{message}</Text>}
      {report && (
        <div data-testid="tracking-report">
          <Text>
            {report.shipped.length} shipped, {report.rejected.length} rejected.
          </Text>
          {report.rejected.length > 0 && (
            <ul className="txt-compact-small list-disc pl-6">
              {report.rejected.map((r) => (
                <li key={r.line}>
                  Line {r.line}: {r.reason}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}

/**
 * The launch queue, refreshed every 5 s: checkouts taken but not yet orders, how fast they
 * become orders, and the ones that could not (their shoppers were told; write to them).
 */
function LaunchQueue() {
  const [queue, setQueue] = useState<QueueSummary | undefined>();
  const [message, setMessage] = useState<string | undefined>();
  useEffect(() => {
    let live = true;
    const read = () =>
      call<{ queue: QueueSummary }>("/admin/checkout-intakes").then(
        ({ queue: found }) => {
          if (!live) return;
          setQueue(found);
          setMessage(undefined);
        },
        (reason: unknown) =>
          live && setMessage(reason instanceof Error ? reason.message : String(reason)),
      );
    void read();
    const timer = setInterval(read, 5_000);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, []);
  const waitedMinutes = queue?.oldest_waiting_since
    ? Math.round((Date.now() - Date.parse(queue.oldest_waiting_since)) / 60_000)
    : 0;
  return (
    <div className="flex flex-col gap-y-2 px-6 py-4" data-testid="launch-queue">
      <Heading level="h2">Launch queue</Heading>
      {message && <Text className="text-ui-fg-error">{message}</Text>}
      {queue && (
        <>
          <Text>
            {queue.waiting.toLocaleString()} checkouts waiting to become orders
            {queue.waiting > 0 ? ` (the oldest for ${waitedMinutes} min)` : ""} ·{" "}
            {queue.orders_last_minute.toLocaleString()} orders made in the last minute ·{" "}
            {queue.done.toLocaleString()} made in all · {queue.failed_total.toLocaleString()} failed
          </Text>
          {queue.failed.length > 0 && (
            <ul className="txt-compact-small list-disc pl-6">
              {queue.failed.map((f) => (
                <li key={f.id}>
                  {f.email}, {f.created_at.slice(0, 16).replace("T", " ")}: {f.last_error}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </div>
  );
}

/** Production batches: fill, dates, capacity and units made, the 3PL export and tracking import. */
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
      <LaunchQueue />
      <TrackingImport onDone={load} />
      {error && <Text className="px-6 py-4 text-ui-fg-error">{error}</Text>}
      {batches?.map((batch) => (
        <BatchRow
          key={`${batch.id}-${batch.ships_by}-${batch.capacity_units}-${batch.produced_units}`}
          batch={batch}
          onSaved={load}
        />
      ))}
    </Container>
  );
};

export const config = defineRouteConfig({ label: "Production batches" });

export default BatchesPage;
