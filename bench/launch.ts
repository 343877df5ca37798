/**
 * npm run bench:launch -- --orders N --concurrency C [--flow storefront|cart-queue|cart|lean|intake]
 *   [--redis URL --servers 2 --worker] [--pg synchronous_commit=off] [--env LOG_LEVEL=info]
 *   [--profile] [--skip-ops] [--stock UNITS] [--track-orders N]
 *
 * A replayed launch: boots a shop (a fresh embedded PostgreSQL and one Medusa, as `npm start`
 * runs it; or with --redis the scale-out configuration on the machine's PostgreSQL), drives N
 * checkouts at concurrency C the way the storefront does (bench/launch/flows.ts), with shoppers
 * across CH/EU/world (bench/launch/shoppers.ts), then checks the database (bench/launch/checks.ts),
 * exports every batch and imports tracking for all (bench/launch/ops.ts). Prints what it
 * measured and writes it to bench/results/launch-<timestamp>.json. The load generator runs on
 * the same machine and is included in every figure.
 */
import { randomBytes } from "node:crypto";
import { mkdir, mkdtemp, readdir, writeFile } from "node:fs/promises";
import { cpus, tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { countOrders, runChecks } from "./launch/checks.ts";
import {
  type FlowName,
  type Following,
  flowNames,
  flows,
  loadCatalogue,
  queuedFlows,
  StepError,
  StoreApi,
} from "./launch/flows.ts";
import { adminToken, exportAndTrack, setAllStock } from "./launch/ops.ts";
import { summariseProfile } from "./launch/profile.ts";
import { BENCH_ADMIN, bootShop, cpuSeconds, loadAverage, rssMb } from "./launch/shop.ts";
import { shopper } from "./launch/shoppers.ts";

const { values } = parseArgs({
  options: {
    orders: { type: "string", default: "200" },
    concurrency: { type: "string", default: "16" },
    flow: { type: "string", default: "storefront" },
    redis: { type: "string" },
    servers: { type: "string" },
    worker: { type: "boolean", default: false },
    pg: { type: "string", multiple: true, default: [] },
    env: { type: "string", multiple: true, default: [] },
    profile: { type: "boolean", default: false },
    "skip-ops": { type: "boolean", default: false },
    "skip-offer": { type: "boolean", default: false },
    seed: { type: "string", default: "1" },
    "drain-timeout": { type: "string", default: "3600" },
    /** Units of every variant before the launch (the seed stocks 1,000 each). */
    stock: { type: "string" },
    /** Import tracking for only the first N exported orders (all by default). */
    "track-orders": { type: "string" },
  },
});
const orders = Number(values.orders);
const concurrency = Number(values.concurrency);
const flow = values.flow as FlowName;
if (!Number.isSafeInteger(orders) || orders < 1) throw new Error("--orders is a whole number");
if (!Number.isSafeInteger(concurrency) || concurrency < 1)
  throw new Error("--concurrency is a whole number");
if (!flowNames.includes(flow)) throw new Error(`--flow is one of ${flowNames.join(", ")}`);
const servers = Number(values.servers ?? (values.redis ? 2 : 1));
if (servers > 1 && !values.redis) {
  throw new Error(
    "more than one Medusa process needs --redis (see README: double orders without it)",
  );
}

const percentile = (sorted: number[], p: number) =>
  sorted.length
    ? Math.round(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0)
    : 0;
const seconds = (ms: number) => Math.round(ms) / 1000;

const runTag = `r${Date.now().toString(36)}${randomBytes(2).toString("hex")}`;
const logDir = await mkdtemp(join(tmpdir(), "camslide-launch-"));
const profileDir = values.profile ? join(logDir, "profiles") : undefined;
console.log(
  `Launch ${runTag}: ${orders} checkouts, concurrency ${concurrency}, flow "${flow}" (logs in ${logDir})`,
);
const shop = await bootShop({
  logDir,
  redisUrl: values.redis,
  servers,
  worker: values.worker,
  postgresSettings: values.pg,
  medusaEnv: Object.fromEntries(
    values.env.map((pair) => [pair.split("=")[0] ?? "", pair.slice(pair.indexOf("=") + 1)]),
  ),
  cpuProfileDir: profileDir,
});
// Ctrl-C stops the shop too: its Medusa and PostgreSQL would outlive the benchmark otherwise.
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    console.error(`\n${signal}: stopping the shop`);
    void shop.stop().finally(() => process.exit(130));
  });
}
let exitCode = 0;
try {
  const api = new StoreApi(shop.urls, shop.seeded.publishableKey);
  if (values.stock !== undefined) {
    const units = Number(values.stock);
    if (!Number.isSafeInteger(units) || units < 0) throw new Error("--stock is a whole number");
    const base = shop.urls[0] ?? "";
    const token = await adminToken(base, BENCH_ADMIN.email, BENCH_ADMIN.password);
    console.log(`Stock: ${await setAllStock(base, token, units)} variants at ${units} units`);
  }
  const catalogue = await loadCatalogue(api, !values["skip-offer"]);

  const stepTimes: Record<string, number[]> = {};
  const checkoutTimes: number[] = [];
  const errors: Record<string, number> = {};
  const accepted = new Set<string>();
  const acceptedAt: number[] = [];
  const ids: string[] = [];
  const followings: Promise<Following>[] = [];
  const cpuBefore = await Promise.all(shop.processes.map((p) => cpuSeconds(p.pid)));
  const loadBefore = await loadAverage();
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < orders) {
        const s = shopper(next++, runTag, Number(values.seed));
        const t0 = performance.now();
        try {
          const outcome = await flows[flow](api, s, catalogue);
          checkoutTimes.push(performance.now() - t0);
          for (const [step, ms] of Object.entries(outcome.steps)) {
            const times = stepTimes[step] ?? [];
            times.push(ms);
            stepTimes[step] = times;
          }
          accepted.add(s.email);
          acceptedAt.push(performance.now() - started);
          ids.push(outcome.id);
          if (outcome.following) followings.push(outcome.following);
        } catch (error) {
          const kind = error instanceof StepError ? error.kind : String(error);
          errors[kind] = (errors[kind] ?? 0) + 1;
        }
      }
    }),
  );
  const loadMs = performance.now() - started;
  const cpuLoad = await Promise.all(shop.processes.map((p) => cpuSeconds(p.pid)));
  const medusaCpuLoad = sum(cpuLoad) - sum(cpuBefore);
  console.log(
    `Load phase: ${accepted.size}/${orders} accepted in ${seconds(loadMs)} s = ${Math.round((accepted.size / loadMs) * 10000) / 10}/s; Medusa used ${Math.round(medusaCpuLoad)} CPU s (${Math.round((medusaCpuLoad / accepted.size) * 1000)} ms per accepted checkout); load average ${await loadAverage()}`,
  );
  const ordersAtLoadEnd = queuedFlows.includes(flow)
    ? (await countOrders(shop.databaseUrl, runTag)).orders
    : accepted.size;
  const loadAfter = await loadAverage();
  const cpuAfter = await Promise.all(shop.processes.map((p) => cpuSeconds(p.pid)));
  const rss = await Promise.all(shop.processes.map((p) => rssMb(p.pid)));

  // Orders made in the background (intake) are counted until every accepted checkout has one.
  let drainMs = 0;
  if (queuedFlows.includes(flow)) {
    const deadline = performance.now() + Number(values["drain-timeout"]) * 1000;
    while (performance.now() < deadline) {
      const { orders: made, unsettled } = await countOrders(shop.databaseUrl, runTag);
      if (made >= accepted.size && drainMs === 0) drainMs = performance.now() - started;
      // The checks judge every order settled (paid, reserved, in its batch): wait for the last.
      if (made >= accepted.size && unsettled === 0) break;
      process.stdout.write(`\r  orders made in the background: ${made}/${accepted.size}   `);
      await new Promise((r) => setTimeout(r, 2_000));
    }
    drainMs ||= performance.now() - started;
    process.stdout.write("\n");
  }
  const ordersMadeMs = queuedFlows.includes(flow) ? drainMs : loadMs;
  const cpuAtEnd = await Promise.all(shop.processes.map((p) => cpuSeconds(p.pid)));
  // The confirmation pages still open end once their order exists (or they rest).
  const followed = await Promise.all(followings);
  const confirmation = followed.length
    ? {
        pages: followed.length,
        polls: followed.reduce((n, f) => n + f.polls, 0),
        pollsPerCheckout:
          Math.round((followed.reduce((n, f) => n + f.polls, 0) / followed.length) * 10) / 10,
        reachedOrderPage: followed.filter((f) => f.ended === "order").length,
        rested: followed.filter((f) => f.ended === "rested").length,
        failed: followed.filter((f) => f.ended === "failed").length,
      }
    : undefined;
  for (const f of followed) {
    if (f.error) errors[`confirmation: ${f.error}`] = (errors[`confirmation: ${f.error}`] ?? 0) + 1;
  }
  const checks = await runChecks(shop.databaseUrl, runTag, accepted);
  if (!checks.ok) exitCode = 1;
  // A shopper refused or a page that broke is a failed launch, not a footnote.
  const errorCount = Object.values(errors).reduce((a, b) => a + b, 0);
  if (errorCount > 0) exitCode = 1;

  let ops: Awaited<ReturnType<typeof exportAndTrack>> | { error: string } | undefined;
  if (!values["skip-ops"]) {
    const base = shop.urls[0] ?? "";
    try {
      const token = await adminToken(base, BENCH_ADMIN.email, BENCH_ADMIN.password);
      ops = await exportAndTrack(
        base,
        token,
        checks.batches.filter((b) => b.allocated > 0).map((b) => b.number),
        values["track-orders"] === undefined ? undefined : Number(values["track-orders"]),
      );
    } catch (error) {
      exitCode = 1;
      ops = {
        error:
          error instanceof Error ? `${error.message} ${String(error.cause ?? "")}` : String(error),
      };
    }
  }

  const windows = tenSecondRates(acceptedAt, loadMs);
  const result = {
    date: new Date().toISOString(),
    command: `npm run bench:launch -- ${process.argv.slice(2).join(" ")}`,
    machine: { cpus: cpus().length, node: process.version, database: shop.database },
    loadAverage: {
      before: loadBefore,
      after: loadAfter,
      note: "other engineers' tests share these cores",
    },
    setup: {
      flow,
      orders,
      concurrency,
      servers,
      worker: values.worker,
      redis: Boolean(values.redis),
      postgres: values.pg,
      medusaEnv: values.env,
      stockPerVariant: values.stock === undefined ? "as seeded" : Number(values.stock),
    },
    accepted: accepted.size,
    acceptedPerSecond: Math.round((accepted.size / loadMs) * 10000) / 10,
    medusaCpuMsPerAccepted: Math.round((medusaCpuLoad / accepted.size) * 1000),
    ordersMadeDuringLoad: ordersAtLoadEnd,
    backgroundDrain: queuedFlows.includes(flow)
      ? {
          seconds: seconds(drainMs - loadMs),
          orders: checks.orders - ordersAtLoadEnd,
          ordersPerSecond:
            Math.round(((checks.orders - ordersAtLoadEnd) / ((drainMs - loadMs) / 1000)) * 10) / 10,
          medusaCpuMsPerOrder: Math.round(
            ((sum(cpuAtEnd) - sum(cpuLoad)) / Math.max(1, checks.orders - ordersAtLoadEnd)) * 1000,
          ),
        }
      : undefined,
    acceptedPerSecondBy10sWindow: windows,
    loadSeconds: seconds(loadMs),
    ordersMadePerSecond: Math.round((checks.orders / ordersMadeMs) * 10000) / 10,
    allOrdersMadeAfterSeconds: seconds(ordersMadeMs),
    checkoutMs: {
      p50: percentile(
        checkoutTimes.sort((a, b) => a - b),
        50,
      ),
      p99: percentile(checkoutTimes, 99),
    },
    stepMs: Object.fromEntries(
      Object.entries(stepTimes).map(([step, times]) => {
        const sorted = times.sort((a, b) => a - b);
        return [
          step,
          { p50: percentile(sorted, 50), p99: percentile(sorted, 99), calls: sorted.length },
        ];
      }),
    ),
    errors,
    confirmation,
    processes: shop.processes.map((p, i) => ({
      ...p,
      cpuCoresDuringLoad:
        Math.round((((cpuAfter[i] ?? 0) - (cpuBefore[i] ?? 0)) / (loadMs / 1000)) * 100) / 100,
      cpuSecondsTotal: Math.round(((cpuAtEnd[i] ?? 0) - (cpuBefore[i] ?? 0)) * 10) / 10,
      rssMbAfterLoad: rss[i],
    })),
    checks,
    ops,
    logDir,
  };
  await shop.stop();
  const profiles = profileDir
    ? await Promise.all(
        (await readdir(profileDir).catch(() => [] as string[])).map(async (file) => ({
          file: join(profileDir, file),
          ...(await summariseProfile(join(profileDir, file))),
        })),
      )
    : undefined;
  const output = { ...result, ...(profiles ? { profiles } : {}) };
  const dir = join(import.meta.dirname, "results");
  await mkdir(dir, { recursive: true });
  const file = join(dir, `launch-${result.date.replace(/[:.]/g, "-")}.json`);
  await writeFile(file, `${JSON.stringify(output, null, 2)}\n`);
  console.log(JSON.stringify(output, null, 2));
  console.log(
    `\n${flow}: ${accepted.size}/${orders} checkouts accepted in ${seconds(loadMs)} s = ${result.acceptedPerSecond}/s at concurrency ${concurrency}` +
      ` (p50 ${result.checkoutMs.p50} ms, p99 ${result.checkoutMs.p99} ms); ${checks.orders} orders made, ${result.ordersMadePerSecond}/s${checks.stillQueued ? `, ${checks.stillQueued} intakes still queued when the run stopped waiting` : `, all after ${result.allOrdersMadeAfterSeconds} s`};` +
      ` checks ${checks.ok ? "passed" : "FAILED"}; ${errorCount === 0 ? "no error" : `${errorCount} ERRORS (see "errors")`}` +
      (confirmation
        ? `; confirmation pages asked ${confirmation.pollsPerCheckout} times each after their first look, ${confirmation.reachedOrderPage} reached their order's page`
        : "") +
      `; load ${loadBefore.split(" ")[0]} -> ${loadAfter.split(" ")[0]}` +
      (ops && "exportMs" in ops
        ? `; export ${ops.exportedOrders} orders in ${ops.exportMs} ms, tracking for ${ops.shipped} in ${ops.importMs} ms`
        : "") +
      `\nWritten to ${file}`,
  );
} catch (error) {
  exitCode = 1;
  console.error(error);
  await shop.stop();
}
process.exit(exitCode);

function sum(values: number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

function tenSecondRates(times: number[], totalMs: number): number[] {
  const buckets = Array.from({ length: Math.max(1, Math.ceil(totalMs / 10_000)) }, () => 0);
  for (const t of times) {
    const i = Math.min(buckets.length - 1, Math.floor(t / 10_000));
    buckets[i] = (buckets[i] ?? 0) + 1;
  }
  return buckets.map((n, i) => {
    const span = i === buckets.length - 1 ? totalMs - i * 10_000 : 10_000;
    return Math.round((n / (span / 1000)) * 10) / 10;
  });
}
