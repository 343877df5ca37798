import { type ChildProcess, spawn } from "node:child_process";
import { chmod, mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { repoRoot } from "../../scripts/lib/backend.ts";
import { DEMO_ADMIN } from "../../scripts/lib/demo.ts";
import { findFreePort } from "../../scripts/lib/ports.ts";

export interface Started {
  child: ChildProcess;
  output: () => string;
  /** Resolves when every process holding npm's output has gone: npm and all it started. */
  closed: Promise<number | null>;
}

/** Runs the real `npm start` in its own process group, as a terminal would. */
export function npmStart(env: Record<string, string>): Started {
  let output = "";
  const child = spawn("npm", ["start"], {
    cwd: repoRoot,
    env: { ...process.env, ...env },
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.on("data", (chunk) => {
    output += chunk;
  });
  child.stderr?.on("data", (chunk) => {
    output += chunk;
  });
  const closed = new Promise<number | null>((resolve) => child.once("close", resolve));
  return { child, output: () => output, closed };
}

export async function waitForOutput(started: Started, text: string, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (started.output().includes(text)) return;
    if (started.child.exitCode !== null) break;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`npm start did not print "${text}". Output:\n${started.output()}`);
}

/**
 * Ctrl-C: SIGINT to the whole process group, as a terminal sends it. npm itself dies of the
 * signal; the launcher stops Medusa and PostgreSQL and says "Stopped." on the shared output.
 */
export async function interrupt(started: Started): Promise<void> {
  if (started.child.pid && started.child.exitCode === null) {
    process.kill(-started.child.pid, "SIGINT");
  }
  await started.closed;
}

export interface Shop {
  storefront: string;
  backend: string;
  dataDir: string;
  publishableKey: string;
  /** The demo retailer's site (registered for retailer "acme" at localhost only). */
  retailerSite: string;
  stop(): Promise<void>;
}

/** A whole shop from `npm start` on a fresh data folder and free ports, for one test file. */
export async function startShop(): Promise<Shop> {
  const dataDir = await mkdtemp(join(tmpdir(), "camslide-shop-"));
  await chmod(dataDir, 0o755);
  const storefrontPort = await findFreePort();
  const medusaPort = await findFreePort();
  const retailerPort = await findFreePort();
  const started = npmStart({
    RETAILER_DEMO_PORT: String(retailerPort),
    CAMSLIDE_DATA_DIR: dataDir,
    STOREFRONT_PORT: String(storefrontPort),
    MEDUSA_PORT: String(medusaPort),
  });
  try {
    await waitForOutput(started, "Camslide is running", 480_000);
  } catch (error) {
    await interrupt(started);
    throw error;
  }
  const seeded = JSON.parse(await readFile(join(dataDir, "seed-output.json"), "utf8")) as {
    publishableKey: string;
  };
  return {
    storefront: `http://localhost:${storefrontPort}`,
    backend: `http://localhost:${medusaPort}`,
    dataDir,
    publishableKey: seeded.publishableKey,
    retailerSite: `http://localhost:${retailerPort}`,
    async stop() {
      await interrupt(started);
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** The demo admin's API, for looking at what the shop really recorded. */
export async function adminApi(backend: string) {
  const login = await fetch(`${backend}/auth/user/emailpass`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(DEMO_ADMIN),
  });
  const { token } = (await login.json()) as { token: string };
  return async <T>(path: string, init: RequestInit = {}): Promise<T> => {
    const response = await fetch(`${backend}${path}`, {
      ...init,
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    });
    if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
    return (await response.json()) as T;
  };
}
