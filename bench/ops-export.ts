/**
 * npm run bench:ops-export -- --orders 40000: how long the 3PL export takes for N orders.
 *
 * Builds Medusa as production does, migrates and seeds a database of its own (the machine's
 * PostgreSQL, else an embedded one), creates N placed orders through the order module
 * (backend/src/scripts/bench-orders.ts), starts Medusa and streams POST /admin/ops/exports (then
 * the same export's file again, GET /admin/ops/exports/:id),
 * sampling Medusa's resident memory meanwhile. Prints every figure and writes them to
 * bench/results/ops-export.json. The database is dropped afterwards.
 */
import { randomBytes } from "node:crypto";
import { mkdir, mkdtemp, readFile, writeFile } from "node:fs/promises";
import { cpus, tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import {
  backendReady,
  buildBackend,
  medusa,
  medusaEnv,
  migrate,
  seed,
  spawnBackend,
} from "../scripts/lib/backend.ts";
import { RecordCounter } from "../scripts/lib/csv-records.ts";
import { findFreePort } from "../scripts/lib/ports.ts";
import { stopProcess } from "../scripts/lib/processes.ts";
import { createTestDatabase } from "../tests/support/test-database.ts";

const { values } = parseArgs({ options: { orders: { type: "string", default: "10000" } } });
const orders = Number(values.orders);
if (!Number.isSafeInteger(orders) || orders < 1) throw new Error("--orders is a whole number");

async function rssMb(pid: number | undefined): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, "utf8").catch(() => "");
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? Number.NaN);
  return Math.round(kb / 1024);
}

const since = (start: number) => Math.round(performance.now() - start);

const logDir = await mkdtemp(join(tmpdir(), "camslide-bench-ops-"));
const database = await createTestDatabase("camslide_bench");
const port = await findFreePort();
const env = medusaEnv({
  databaseUrl: database.url,
  port,
  storefrontOrigins: ["http://localhost:4321"],
  jwtSecret: randomBytes(32).toString("hex"),
  cookieSecret: randomBytes(32).toString("hex"),
  demo: false,
});
let server: Awaited<ReturnType<typeof spawnBackend>> | undefined;
try {
  console.log(`Preparing Medusa and ${orders} orders (logs in ${logDir}) …`);
  await buildBackend(join(logDir, "build.log"));
  await migrate(env, join(logDir, "migrate.log"));
  await seed(env, join(logDir, "seed.json"), join(logDir, "seed.log"));
  let start = performance.now();
  await medusa(
    ["exec", "./src/scripts/bench-orders.js"],
    { ...env, CAMSLIDE_BENCH_ORDERS: String(orders) },
    join(logDir, "bench-orders.log"),
  );
  const createMs = since(start);
  const email = "bench@example.com";
  const password = randomBytes(12).toString("hex");
  await medusa(["user", "-e", email, "-p", password], env, join(logDir, "user.log"));
  server = await spawnBackend(env, join(logDir, "medusa.log"));
  await backendReady(server, env, join(logDir, "medusa.log"));
  const base = `http://127.0.0.1:${port}`;
  const login = await fetch(`${base}/auth/user/emailpass`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password }),
  });
  const { token } = (await login.json()) as { token: string };
  const pid = server.pid;

  /** A new export (`again` undefined) or an earlier one's file again. */
  async function timedExport(again?: string) {
    const rssBefore = await rssMb(pid);
    let rssPeak = rssBefore;
    const sampler = setInterval(() => {
      void rssMb(pid).then((mb) => {
        rssPeak = Math.max(rssPeak, mb);
      });
    }, 50);
    const start = performance.now();
    const response =
      again === undefined
        ? await fetch(`${base}/admin/ops/exports`, {
            method: "POST",
            headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
            body: "{}",
          })
        : await fetch(`${base}/admin/ops/exports/${again}`, {
            headers: { authorization: `Bearer ${token}` },
          });
    if (!response.ok || !response.body) throw new Error(`export: ${response.status}`);
    const exportId = response.headers.get("x-camslide-export-id") ?? again ?? "";
    const counter = new RecordCounter();
    const decoder = new TextDecoder();
    let bytes = 0;
    let firstByteMs = -1;
    for await (const chunk of response.body) {
      if (firstByteMs < 0) firstByteMs = since(start);
      bytes += chunk.byteLength;
      counter.push(decoder.decode(chunk, { stream: true }));
    }
    const totalMs = since(start);
    clearInterval(sampler);
    return {
      exportId,
      rows: counter.records - 1,
      bytes,
      firstByteMs,
      totalMs,
      rowsPerSecond: Math.round(((counter.records - 1) / totalMs) * 1000),
      medusaRssBeforeMb: rssBefore,
      medusaRssPeakMb: rssPeak,
    };
  }

  start = performance.now();
  const first = await timedExport();
  const second = await timedExport();
  const repeat = await timedExport(first.exportId);
  const result = {
    date: new Date().toISOString(),
    machine: { cpus: cpus().length, node: process.version, database: database.kind },
    orders,
    createOrdersMs: createMs,
    firstExport: first,
    secondExport: second,
    firstExportAgain: repeat,
  };
  console.log(JSON.stringify(result, null, 2));
  const dir = join(import.meta.dirname, "results");
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, "ops-export.json"), `${JSON.stringify(result, null, 2)}\n`);
  console.log(
    `\n${orders} orders: first export ${first.rows} lines in ${first.totalMs} ms (${first.rowsPerSecond} lines/s, first byte after ${first.firstByteMs} ms), Medusa RSS ${first.medusaRssBeforeMb} -> peak ${first.medusaRssPeakMb} MB; second export (nothing new) ${second.totalMs} ms; the first export's file again ${repeat.totalMs} ms.\nWritten to bench/results/ops-export.json`,
  );
} finally {
  if (server) await stopProcess(server);
  await database.drop();
}
