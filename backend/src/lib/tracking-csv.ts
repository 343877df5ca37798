import { type CsvRecord, parseCsv } from "./csv";

/** The columns a 3PL's tracking file must have (any order, any letter case; more are ignored). */
export const TRACKING_COLUMNS = [
  "order_number",
  "carrier",
  "tracking_number",
  "shipped_date",
] as const;

export interface TrackingRow {
  line: number;
  orderNumber: number;
  carrier: string;
  trackingNumber: string;
  /** The shipped date as written (YYYY-MM-DD), checked to be a real date. */
  shippedDate: string;
}

export interface RejectedRow {
  line: number;
  order_number?: string;
  reason: string;
}

/** Aliases 3PL portals use for our column names. */
const ALIASES: Record<string, (typeof TRACKING_COLUMNS)[number]> = {
  order: "order_number",
  order_no: "order_number",
  order_id: "order_number",
  tracking: "tracking_number",
  tracking_no: "tracking_number",
  shipped_at: "shipped_date",
  ship_date: "shipped_date",
  date: "shipped_date",
};

function columnName(header: string): string {
  const key = header
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, "_");
  return ALIASES[key] ?? key;
}

function realDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

/**
 * Reads a tracking CSV. Every row is either valid or rejected with its line and reason; a
 * file without the needed columns, or one that cannot be read at all, is an error (nothing
 * in it can be trusted). `firstLine` shifts line numbers when a client sends a long file in
 * parts, so that reports still name lines of the original file.
 */
export function parseTrackingCsv(
  text: string,
  firstLine = 1,
): { rows: TrackingRow[]; rejected: RejectedRow[] } {
  const records = parseCsv(text);
  const [header, ...data] = records;
  if (!header) throw new Error("the file is empty: expected a header line");
  const names = header.fields.map(columnName);
  const index = Object.fromEntries(TRACKING_COLUMNS.map((c) => [c, names.indexOf(c)])) as Record<
    (typeof TRACKING_COLUMNS)[number],
    number
  >;
  const missing = TRACKING_COLUMNS.filter((c) => index[c] < 0);
  if (missing.length > 0) {
    throw new Error(
      `the header line lacks ${missing.join(", ")} (expected columns: ${TRACKING_COLUMNS.join(", ")})`,
    );
  }
  const rows: TrackingRow[] = [];
  const rejected: RejectedRow[] = [];
  const seen = new Map<number, number>();
  for (const record of data as CsvRecord[]) {
    const line = record.line + firstLine - 1;
    const field = (c: (typeof TRACKING_COLUMNS)[number]) => (record.fields[index[c]] ?? "").trim();
    const orderText = field("order_number").replace(/^#/, "");
    const reject = (reason: string) =>
      rejected.push({ line, ...(orderText ? { order_number: orderText } : {}), reason });
    const empty = TRACKING_COLUMNS.filter((c) => field(c) === "");
    if (empty.length > 0) {
      reject(`missing ${empty.join(", ")}`);
      continue;
    }
    if (!/^\d{1,9}$/.test(orderText) || Number(orderText) < 1) {
      reject(`malformed order number "${orderText}"`);
      continue;
    }
    const orderNumber = Number(orderText);
    if (!realDate(field("shipped_date"))) {
      reject(`malformed shipped date "${field("shipped_date")}" (expected YYYY-MM-DD)`);
      continue;
    }
    if (field("carrier").length > 100 || field("tracking_number").length > 200) {
      reject("carrier or tracking number too long");
      continue;
    }
    const earlier = seen.get(orderNumber);
    if (earlier !== undefined) {
      reject(`order ${orderNumber} is already on line ${earlier} of this file`);
      continue;
    }
    seen.set(orderNumber, line);
    rows.push({
      line,
      orderNumber,
      carrier: field("carrier"),
      trackingNumber: field("tracking_number"),
      shippedDate: field("shipped_date"),
    });
  }
  return { rows, rejected };
}
