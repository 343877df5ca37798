/**
 * After the launch: the 3PL export of every batch and a tracking import for every exported
 * order, through the same admin routes `npm run ops` uses, timed.
 */
import { recordSpans } from "../../scripts/lib/csv-records.ts";

export interface OpsTimings {
  exportMs: number;
  exportedLines: number;
  exportedOrders: number;
  importMs: number;
  importMsPerOrder: number;
  shipped: number;
  rejected: number;
  rejectedReasons: Record<string, number>;
}

/** As `npm run ops` sends them: each part answers well within fetch's 300 s header timeout. */
const IMPORT_PART_ROWS = 100;

export async function adminToken(base: string, email: string, password: string): Promise<string> {
  const response = await fetch(`${base}/auth/user/emailpass`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password }),
  });
  if (!response.ok) throw new Error(`admin login: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { token: string }).token;
}

/**
 * Before the launch: every variant's stock at `units`, through the admin API as an operator
 * sets it (the seed stocks too few units for a 40,000-shopper launch). Returns the variants set.
 */
export async function setAllStock(base: string, token: string, units: number): Promise<number> {
  const headers = { authorization: `Bearer ${token}`, "content-type": "application/json" };
  const response = await fetch(
    `${base}/admin/inventory-items?limit=1000&fields=id,*location_levels`,
    { headers },
  );
  if (!response.ok) throw new Error(`inventory: ${response.status} ${await response.text()}`);
  const { inventory_items } = (await response.json()) as {
    inventory_items: { id: string; location_levels: { location_id: string }[] }[];
  };
  for (const item of inventory_items) {
    for (const level of item.location_levels) {
      const set = await fetch(
        `${base}/admin/inventory-items/${item.id}/location-levels/${level.location_id}`,
        { method: "POST", headers, body: JSON.stringify({ stocked_quantity: units }) },
      );
      if (!set.ok) throw new Error(`stock of ${item.id}: ${set.status} ${await set.text()}`);
    }
  }
  return inventory_items.length;
}

export async function exportAndTrack(
  base: string,
  token: string,
  batchNumbers: number[],
  /** Import tracking for the first N exported orders only (a 40,000-order import takes an hour). */
  trackLimit = Number.POSITIVE_INFINITY,
): Promise<OpsTimings> {
  const headers = { authorization: `Bearer ${token}` };
  const orderNumbers = new Set<string>();
  let lines = 0;
  let started = performance.now();
  for (const batch of batchNumbers) {
    const response = await fetch(`${base}/admin/ops/exports`, {
      method: "POST",
      headers: { ...headers, "content-type": "application/json" },
      body: JSON.stringify({ batch }),
    });
    if (!response.ok) throw new Error(`export batch ${batch}: ${response.status}`);
    const text = await response.text();
    const [, ...records] = recordSpans(text);
    for (const record of records) {
      lines++;
      orderNumbers.add(text.slice(record.start, record.end).split(",")[0] ?? "");
    }
  }
  const exportMs = Math.round(performance.now() - started);
  const rows = [...orderNumbers]
    .slice(0, trackLimit)
    .map((number) => `${number},Swiss Post,99.00.${number.padStart(8, "0")},2027-01-28`);
  const header = "order_number,carrier,tracking_number,shipped_date\n";
  let shipped = 0;
  let rejected = 0;
  const rejectedReasons: Record<string, number> = {};
  started = performance.now();
  for (let i = 0; i < rows.length; i += IMPORT_PART_ROWS) {
    const response = await fetch(`${base}/admin/ops/tracking?first_line=${i + 2}`, {
      method: "POST",
      headers: { ...headers, "content-type": "text/plain; charset=utf-8" },
      body: `${header}${rows.slice(i, i + IMPORT_PART_ROWS).join("\n")}\n`,
    });
    if (!response.ok)
      throw new Error(`tracking import: ${response.status} ${await response.text()}`);
    const report = (await response.json()) as {
      shipped: unknown[];
      rejected: { reason: string }[];
    };
    shipped += report.shipped.length;
    rejected += report.rejected.length;
    for (const row of report.rejected) {
      rejectedReasons[row.reason] = (rejectedReasons[row.reason] ?? 0) + 1;
    }
  }
  return {
    exportMs,
    exportedLines: lines,
    exportedOrders: orderNumbers.size,
    importMs: Math.round(performance.now() - started),
    importMsPerOrder: Math.round((performance.now() - started) / Math.max(1, rows.length)),
    shipped,
    rejected,
    rejectedReasons,
  };
}
