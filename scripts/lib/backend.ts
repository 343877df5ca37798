import type { ChildProcess } from "node:child_process";
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { runNode, spawnNode, waitForHttp } from "./processes.ts";
import { treeHash } from "./tree-hash.ts";

export const repoRoot = join(import.meta.dirname, "..", "..");
export const backendDir = join(repoRoot, "backend");
export const serverDir = join(backendDir, ".medusa", "server");
const medusaCli = join(backendDir, "node_modules", "@medusajs", "cli", "cli.js");
const BUILD_STAMP = ".camslide-build";

/** Everything a `medusa build` reads, so that an unchanged backend is not rebuilt. */
export function backendSourceHash(): Promise<string> {
  return treeHash(repoRoot, [
    "backend/src",
    "backend/medusa-config.ts",
    "backend/tsconfig.json",
    "backend/package.json",
    "backend/package-lock.json",
    "src/product/dist/cjs",
  ]);
}

export interface BackendEnv {
  databaseUrl: string;
  redisUrl?: string | undefined;
  port: number;
  storefrontOrigins: string[];
  jwtSecret: string;
  cookieSecret: string;
  demo: boolean;
  workerMode?: "shared" | "server" | "worker";
  /** Where the storefront is, for links in emails. */
  storefrontUrl?: string;
  /** Where the outbox notification provider writes emails (the embedded demo's mail). */
  outboxDir?: string;
  extra?: Record<string, string>;
}

/** The environment Medusa runs with: production mode, no telemetry, our CORS and secrets. */
export function medusaEnv(options: BackendEnv): NodeJS.ProcessEnv {
  const backendOrigins = [`http://localhost:${options.port}`, `http://127.0.0.1:${options.port}`];
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    MEDUSA_DISABLE_TELEMETRY: "true",
    DATABASE_URL: options.databaseUrl,
    PORT: String(options.port),
    STORE_CORS: options.storefrontOrigins.join(","),
    ADMIN_CORS: backendOrigins.join(","),
    AUTH_CORS: [...backendOrigins, ...options.storefrontOrigins].join(","),
    JWT_SECRET: options.jwtSecret,
    COOKIE_SECRET: options.cookieSecret,
    CAMSLIDE_DEMO: options.demo ? "1" : "0",
    MEDUSA_WORKER_MODE: options.workerMode ?? "shared",
    STOREFRONT_URL: options.storefrontUrl ?? options.storefrontOrigins[0] ?? "",
    ...(options.outboxDir ? { CAMSLIDE_OUTBOX_DIR: options.outboxDir } : {}),
    ...options.extra,
  };
  if (options.redisUrl) env.REDIS_URL = options.redisUrl;
  else delete env.REDIS_URL;
  return env;
}

/** Runs `medusa build` unless the last build was made from the same sources. */
export async function buildBackend(logFile: string): Promise<"built" | "up to date"> {
  const hash = await backendSourceHash();
  const stamp = await readFile(join(serverDir, BUILD_STAMP), "utf8").catch(() => "");
  if (stamp.trim() === hash) return "up to date";
  await runNode(medusaCli, ["build"], {
    cwd: backendDir,
    env: { ...process.env, NODE_ENV: "production", MEDUSA_DISABLE_TELEMETRY: "true" },
    logFile,
  });
  await writeFile(join(serverDir, BUILD_STAMP), `${hash}\n`);
  return "built";
}

/** A medusa CLI command run to completion inside the build output, as production runs it. */
export function medusa(args: string[], env: NodeJS.ProcessEnv, logFile: string) {
  return runNode(medusaCli, args, { cwd: serverDir, env, logFile });
}

export function migrate(env: NodeJS.ProcessEnv, logFile: string) {
  return medusa(["db:migrate"], env, logFile);
}

export interface SeedResult {
  publishableKey: string;
  salesChannelId: string;
  regions: Record<string, string>;
}

export async function seed(env: NodeJS.ProcessEnv, outputFile: string, logFile: string) {
  await medusa(
    ["exec", "./src/scripts/seed.js"],
    { ...env, CAMSLIDE_SEED_OUTPUT: outputFile },
    logFile,
  );
  return JSON.parse(await readFile(outputFile, "utf8")) as SeedResult;
}

/** Spawns `medusa start`; pair with `backendReady`. */
export function spawnBackend(env: NodeJS.ProcessEnv, logFile: string): Promise<ChildProcess> {
  return spawnNode(medusaCli, ["start"], { cwd: serverDir, env, logFile });
}

/** Resolves once the backend's /health answers; rejects if it exits first. */
export function backendReady(
  child: ChildProcess,
  env: NodeJS.ProcessEnv,
  logFile: string,
  timeoutMs = 120_000,
): Promise<void> {
  return waitForHttp(`http://127.0.0.1:${env.PORT}/health`, { timeoutMs, child, logFile });
}
