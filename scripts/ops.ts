/**
 * `npm run ops`: the operator's tools for the 3PL, against the running shop.
 *
 *   npm run ops -- export [--batch N] [--since YYYY-MM-DD] > batch.csv
 *   npm run ops -- export --again EXPORT_ID > batch.csv   (an earlier export's file again)
 *   npm run ops -- import-tracking tracking.csv
 *   npm run ops -- queue       the launch queue: checkouts waiting to become orders, failures
 *
 * Finds the shop in .data/runtime.json (written by `npm start`; CAMSLIDE_DATA_DIR moves it) or
 * takes `--backend URL`; logs in as CAMSLIDE_ADMIN_EMAIL / CAMSLIDE_ADMIN_PASSWORD, or as the
 * embedded demo's admin. CSV and reports go to stdout, progress to stderr.
 * Exit codes: 0 done, 1 error (nothing or only part done, see the message), 2 import done
 * with rejected rows.
 */
import { readFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import type { QueueSummary } from "../backend/src/modules/checkout-intake/service.ts";
import { repoRoot } from "./lib/backend.ts";
import { RecordCounter, recordSpans } from "./lib/csv-records.ts";
import { DEMO_ADMIN } from "./lib/demo.ts";

const USAGE = `Usage:
  npm run ops -- export [--batch N] [--since YYYY-MM-DD] > orders.csv
  npm run ops -- export --again EXPORT_ID > orders.csv
  npm run ops -- import-tracking FILE.csv
  npm run ops -- queue
Options: --backend URL (default: the shop npm start is running)`;

/** Rows per tracking request: small enough for steady progress, large enough to be quick. */
const IMPORT_PART_ROWS = 100;

class OpsError extends Error {}

interface Runtime {
  backendUrl: string;
  demo: boolean;
}

async function findShop(backendFlag: string | undefined): Promise<Runtime> {
  if (backendFlag) return { backendUrl: backendFlag.replace(/\/+$/, ""), demo: false };
  const dataDir = resolve(repoRoot, process.env.CAMSLIDE_DATA_DIR || ".data");
  const file = join(dataDir, "runtime.json");
  const text = await readFile(file, "utf8").catch(() => undefined);
  if (!text) {
    throw new OpsError(
      `No running shop found (${file} is missing): start it with \`npm start\`, or pass --backend URL.`,
    );
  }
  const runtime = JSON.parse(text) as Runtime;
  return { backendUrl: runtime.backendUrl.replace(/\/+$/, ""), demo: runtime.demo };
}

async function login(shop: Runtime): Promise<string> {
  const email = process.env.CAMSLIDE_ADMIN_EMAIL;
  const password = process.env.CAMSLIDE_ADMIN_PASSWORD;
  const credentials = email && password ? { email, password } : DEMO_ADMIN;
  let response: Response;
  try {
    response = await fetch(`${shop.backendUrl}/auth/user/emailpass`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(credentials),
    });
  } catch {
    throw new OpsError(
      `The shop at ${shop.backendUrl} does not answer: is \`npm start\` still running?`,
    );
  }
  if (!response.ok) {
    throw new OpsError(
      `Logging in as ${credentials.email} failed (${response.status}): set CAMSLIDE_ADMIN_EMAIL and CAMSLIDE_ADMIN_PASSWORD to an admin of this shop.`,
    );
  }
  return ((await response.json()) as { token: string }).token;
}

async function failure(response: Response): Promise<OpsError> {
  const body = await response.text();
  let message = body;
  try {
    message = (JSON.parse(body) as { message?: string }).message ?? body;
  } catch {}
  return new OpsError(`The shop refused (${response.status}): ${message}`);
}

function progress(text: string): void {
  if (process.stderr.isTTY) process.stderr.write(`\r${text}\x1b[K`);
}

interface Options {
  batch?: string | undefined;
  since?: string | undefined;
  again?: string | undefined;
}

/**
 * A new export (POST /admin/ops/exports: marks its orders as handed to the 3PL) or, with
 * --again, an earlier export's file (GET /admin/ops/exports/:id: changes nothing).
 */
async function exportCsv(shop: Runtime, token: string, values: Options): Promise<number> {
  let response: Response;
  if (values.again !== undefined) {
    if (values.batch !== undefined || values.since !== undefined) {
      throw new OpsError("--again repeats an export as it was: it takes no --batch or --since.");
    }
    response = await fetch(
      `${shop.backendUrl}/admin/ops/exports/${encodeURIComponent(values.again)}`,
      { headers: { authorization: `Bearer ${token}` } },
    );
  } else {
    const filters: { batch?: number; since?: string } = {};
    if (values.batch !== undefined) {
      if (!/^\d+$/.test(values.batch))
        throw new OpsError(`--batch is a number, not "${values.batch}".`);
      filters.batch = Number(values.batch);
    }
    if (values.since !== undefined) filters.since = values.since;
    response = await fetch(`${shop.backendUrl}/admin/ops/exports`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: JSON.stringify(filters),
    });
  }
  if (!response.ok || !response.body) throw await failure(response);
  const exportId = response.headers.get("x-camslide-export-id") ?? values.again;
  const counter = new RecordCounter();
  const decoder = new TextDecoder();
  let shown = 0;
  try {
    for await (const bytes of response.body) {
      const text = decoder.decode(bytes, { stream: true });
      counter.push(text);
      if (!process.stdout.write(text)) {
        await new Promise((r) => process.stdout.once("drain", r));
      }
      if (counter.records - shown >= 500) {
        shown = counter.records;
        progress(`exported ${Math.max(0, shown - 1)} rows …`);
      }
    }
  } catch {
    throw new OpsError(
      `The export broke off after ${Math.max(0, counter.records - 1)} rows: this file is incomplete. Its orders are marked as exported; download the whole file again with \`npm run ops -- export --again ${exportId}\`.`,
    );
  }
  const rows = Math.max(0, counter.records - 1);
  progress("");
  process.stderr.write(
    `Exported ${rows} order lines${rows === 0 ? " (nothing new to export)" : ""}.${rows > 0 && exportId ? ` Export ${exportId}: \`npm run ops -- export --again ${exportId}\` downloads this file again.` : ""}\n`,
  );
  return 0;
}

interface Report {
  shipped: { line: number; order_number: number }[];
  rejected: { line: number; order_number?: string; reason: string }[];
}

function bar(done: number, total: number): string {
  const width = 30;
  const filled = total === 0 ? width : Math.round((done / total) * width);
  return `[${"#".repeat(filled)}${".".repeat(width - filled)}] ${done}/${total} rows`;
}

async function importTracking(shop: Runtime, token: string, args: string[]): Promise<number> {
  const [file] = args;
  if (!file) throw new OpsError(`Which file? ${USAGE}`);
  const text = await readFile(file, "utf8").catch(() => {
    throw new OpsError(`Cannot read ${file}.`);
  });
  const [header, ...records] = recordSpans(text);
  if (!header) throw new OpsError(`${file} is empty: expected a header line and rows.`);
  const headerText = `${text.slice(header.start, header.end).replace(/\r?\n$/, "")}\n`;
  const headerLines = headerText.split("\n").length - 1;
  const report: Report = { shipped: [], rejected: [] };
  for (let i = 0; i < records.length; i += IMPORT_PART_ROWS) {
    progress(bar(i, records.length));
    const part = records.slice(i, i + IMPORT_PART_ROWS);
    const first = part[0];
    const last = part.at(-1);
    if (!first || !last) break;
    const body = headerText + text.slice(first.start, last.end);
    const response = await fetch(
      `${shop.backendUrl}/admin/ops/tracking?first_line=${first.line - headerLines}`,
      {
        method: "POST",
        headers: { authorization: `Bearer ${token}`, "content-type": "text/plain; charset=utf-8" },
        body,
      },
    ).catch(() => undefined);
    if (!response?.ok) {
      const reason = response ? (await failure(response)).message : "the shop stopped answering";
      throw new OpsError(
        `${reason}\nRows before line ${first.line} were imported (${report.shipped.length} shipped). Importing the file again is safe: nothing ships twice.`,
      );
    }
    const part_ = (await response.json()) as Report;
    report.shipped.push(...part_.shipped);
    report.rejected.push(...part_.rejected);
  }
  progress(bar(records.length, records.length));
  process.stderr.write("\n");
  for (const row of report.rejected) {
    process.stdout.write(`line ${row.line}: ${row.reason}\n`);
  }
  process.stdout.write(
    `${report.shipped.length} orders shipped, ${report.rejected.length} rows rejected, of ${records.length} rows in ${file}.\n`,
  );
  return report.rejected.length > 0 ? 2 : 0;
}

/** The launch queue on stdout: one summary line, then a line per recent failure (TSV). */
async function showQueue(shop: Runtime, token: string): Promise<number> {
  const response = await fetch(`${shop.backendUrl}/admin/checkout-intakes`, {
    headers: { authorization: `Bearer ${token}` },
  });
  if (!response.ok) throw new OpsError(`The shop answered ${response.status} for the queue.`);
  const { queue } = (await response.json()) as { queue: QueueSummary };
  const oldest = queue.oldest_waiting_since
    ? `, the oldest since ${queue.oldest_waiting_since}`
    : "";
  process.stdout.write(
    `${queue.waiting} waiting (${queue.converting} being converted${oldest}); ${queue.orders_last_minute} orders made in the last minute; ${queue.done} done; ${queue.failed_total} failed\n`,
  );
  for (const f of queue.failed) {
    process.stdout.write(`failed\t${f.created_at}\t${f.email}\t${f.id}\t${f.last_error ?? ""}\n`);
  }
  return 0;
}

async function main(argv: string[]): Promise<number> {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (error) {
    throw new OpsError(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
  }
  const { values, positionals } = parsed;
  const [command, ...rest] = positionals;
  if (values.help || !command) {
    process.stderr.write(`${USAGE}\n`);
    return values.help ? 0 : 1;
  }
  if (command !== "export" && command !== "import-tracking" && command !== "queue") {
    throw new OpsError(`Unknown command "${command}".\n${USAGE}`);
  }
  const shop = await findShop(values.backend);
  const token = await login(shop);
  if (command === "queue") return showQueue(shop, token);
  return command === "export" ? exportCsv(shop, token, values) : importTracking(shop, token, rest);
}

function parse(argv: string[]) {
  return parseArgs({
    args: argv,
    options: {
      backend: { type: "string" },
      batch: { type: "string" },
      since: { type: "string" },
      again: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
    allowPositionals: true,
  });
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  process.stderr.write(`\n${error instanceof OpsError ? error.message : String(error)}\n`);
  process.exitCode = 1;
}
