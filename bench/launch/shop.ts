/**
 * The shop the launch benchmark drives: a fresh embedded PostgreSQL (the default, as `npm start`
 * runs it) with one Medusa process, or the scale-out configuration (the machine's PostgreSQL,
 * REDIS_URL, N server processes and one worker). Built, migrated and seeded as production does.
 */
import type { ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import {
  backendReady,
  buildBackend,
  medusaEnv,
  migrate,
  type SeedResult,
  seed,
  spawnBackend,
} from "../../scripts/lib/backend.ts";
import { startEmbeddedPostgres } from "../../scripts/lib/embedded-postgres.ts";
import { findFreePort } from "../../scripts/lib/ports.ts";
import { stopProcess } from "../../scripts/lib/processes.ts";
import { createTestDatabase } from "../../tests/support/test-database.ts";

export const BENCH_ADMIN = {
  email: "bench-admin@camslide.test",
  password: randomBytes(9).toString("hex"),
};

export interface ShopOptions {
  logDir: string;
  redisUrl?: string | undefined;
  servers: number;
  /** A separate worker process (Medusa worker mode); only with Redis. */
  worker: boolean;
  /** Extra `-c name=value` settings for the embedded PostgreSQL. */
  postgresSettings: string[];
  /** More environment for every Medusa process (a lever such as LOG_LEVEL=info). */
  medusaEnv: Record<string, string>;
  /** Write a V8 CPU profile of each Medusa process into this folder on exit. */
  cpuProfileDir?: string | undefined;
}

export interface Shop {
  urls: string[];
  databaseUrl: string;
  database: string;
  seeded: SeedResult;
  processes: { role: string; pid: number | undefined }[];
  stop(): Promise<void>;
}

/** Boots the shop; everything is torn down by `stop()`, also after a failure here. */
export async function bootShop(options: ShopOptions): Promise<Shop> {
  const children: ChildProcess[] = [];
  const cleanups: (() => Promise<void>)[] = [];
  const stop = async () => {
    for (const child of children.reverse()) await stopProcess(child, 30_000);
    for (const cleanup of cleanups.reverse()) await cleanup();
  };
  try {
    let databaseUrl: string;
    let database: string;
    if (options.redisUrl) {
      const created = await createTestDatabase("camslide_launch");
      cleanups.push(() => created.drop());
      databaseUrl = created.url;
      database = `${created.kind} PostgreSQL`;
    } else {
      const dir = join(options.logDir, "postgres");
      await mkdir(dir, { recursive: true });
      const flags = options.postgresSettings.flatMap((setting) => ["-c", setting]);
      const embedded = await startEmbeddedPostgres({
        dir,
        password: randomBytes(12).toString("hex"),
        database: "camslide",
        logFile: join(options.logDir, "postgres.log"),
        extraFlags: flags,
      });
      cleanups.push(() => embedded.stop());
      databaseUrl = embedded.url;
      database = `embedded PostgreSQL 18${flags.length ? ` (${options.postgresSettings.join(", ")})` : ""}`;
    }
    const port = await findFreePort();
    const base = medusaEnv({
      databaseUrl,
      redisUrl: options.redisUrl,
      port,
      storefrontOrigins: ["http://localhost:4321"],
      jwtSecret: randomBytes(32).toString("hex"),
      cookieSecret: randomBytes(32).toString("hex"),
      demo: false,
      outboxDir: join(options.logDir, "outbox"),
      extra: {
        CAMSLIDE_ADMIN_EMAIL: BENCH_ADMIN.email,
        CAMSLIDE_ADMIN_PASSWORD: BENCH_ADMIN.password,
      },
    });
    await buildBackend(join(options.logDir, "build.log"));
    await migrate(base, join(options.logDir, "migrate.log"));
    const seeded = await seed(
      base,
      join(options.logDir, "seed.json"),
      join(options.logDir, "seed.log"),
    );
    const scaledOut = options.servers > 1 || options.worker;
    const roles = [
      ...Array.from({ length: options.servers }, (_, i) => ({
        role: `server-${i + 1}`,
        mode: scaledOut && options.worker ? "server" : "shared",
      })),
      ...(options.worker ? [{ role: "worker", mode: "worker" }] : []),
    ];
    const urls: string[] = [];
    const processes: Shop["processes"] = [];
    for (const { role, mode } of roles) {
      const rolePort = urls.length === 0 && role !== "worker" ? port : await findFreePort();
      const env = {
        ...base,
        PORT: String(rolePort),
        MEDUSA_WORKER_MODE: mode,
        ...options.medusaEnv,
        ...(options.cpuProfileDir
          ? {
              NODE_OPTIONS: `--cpu-prof --cpu-prof-dir=${options.cpuProfileDir} --cpu-prof-name=${role}.cpuprofile`,
            }
          : {}),
      };
      const log = join(options.logDir, `medusa-${role}.log`);
      const child = await spawnBackend(env, log);
      children.push(child);
      await backendReady(child, env, log, 180_000);
      processes.push({ role, pid: child.pid });
      if (role !== "worker") urls.push(`http://127.0.0.1:${rolePort}`);
    }
    return { urls, databaseUrl, database, seeded, processes, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** CPU seconds a process has used so far (user + system), from /proc. */
export async function cpuSeconds(pid: number | undefined): Promise<number> {
  const stat = await readFile(`/proc/${pid}/stat`, "utf8").catch(() => "");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

export async function rssMb(pid: number | undefined): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, "utf8").catch(() => "");
  return Math.round(Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? Number.NaN) / 1024);
}

export async function loadAverage(): Promise<string> {
  return (await readFile("/proc/loadavg", "utf8")).trim();
}
