import { randomBytes } from "node:crypto";
import { mkdir, mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import {
  backendReady,
  buildBackend,
  medusaEnv,
  migrate,
  type SeedResult,
  seed,
  spawnBackend,
} from "../../scripts/lib/backend.ts";
import { findFreePort } from "../../scripts/lib/ports.ts";
import { stopProcess } from "../../scripts/lib/processes.ts";
import { createTestDatabase } from "../support/test-database.ts";

export interface IntegrationContext {
  backendUrl: string;
  databaseUrl: string;
  databaseKind: "system" | "embedded";
  seeded: SeedResult;
  /** The environment Medusa ran with, so a test can run another medusa command (the seed). */
  medusaEnv: Record<string, string>;
  logDir: string;
  /** Where Medusa's outbox provider writes the emails it sends. */
  outboxDir: string;
}

declare module "vitest" {
  export interface ProvidedContext {
    integration: IntegrationContext;
  }
}

/**
 * One real Medusa for the integration project: built as production builds it, migrated and
 * seeded into a database of its own, started on a free port; all torn down at the end.
 * Logs stay in a temporary folder that the failure messages name.
 */
export default async function setup(project: TestProject) {
  const logDir = await mkdtemp(join(tmpdir(), "camslide-it-"));
  await mkdir(logDir, { recursive: true });
  const database = await createTestDatabase("camslide_it");
  const port = await findFreePort();
  // Small conversion batches (the shop's default is 25), so that the tests' few intakes are
  // still shared between processes (checkout-intake-scale-out) and split into several batches.
  const env = withIntakeBatch(
    medusaEnv({
      databaseUrl: database.url,
      port,
      storefrontOrigins: ["http://localhost:4321"],
      jwtSecret: randomBytes(32).toString("hex"),
      cookieSecret: randomBytes(32).toString("hex"),
      demo: false,
      outboxDir: join(logDir, "outbox"),
    }),
  );
  let server: Awaited<ReturnType<typeof spawnBackend>> | undefined;
  try {
    await buildBackend(join(logDir, "build.log"));
    await migrate(env, join(logDir, "migrate.log"));
    const seeded = await seed(env, join(logDir, "seed.json"), join(logDir, "seed.log"));
    server = await spawnBackend(env, join(logDir, "medusa.log"));
    await backendReady(server, env, join(logDir, "medusa.log"));
    project.provide("integration", {
      backendUrl: `http://127.0.0.1:${port}`,
      databaseUrl: database.url,
      databaseKind: database.kind,
      seeded,
      medusaEnv: Object.fromEntries(
        Object.entries(env).filter((entry): entry is [string, string] => entry[1] !== undefined),
      ),
      logDir,
      outboxDir: join(logDir, "outbox"),
    });
  } catch (error) {
    if (server) await stopProcess(server);
    await database.drop();
    throw error;
  }
  return async () => {
    if (server) await stopProcess(server);
    await database.drop();
  };
}

function withIntakeBatch(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return {
    ...env,
    CAMSLIDE_INTAKE_BATCH: "3",
    // A converter that died is taken over after 6 s without a heartbeat (the shop's default is
    // 20 s), and the pace's floor (5 s) is out of the way, so that a test sees whether requests
    // pause conversion at all (intake-resilience).
    CAMSLIDE_INTAKE_CLAIM_SECONDS: "6",
    CAMSLIDE_INTAKE_FLOOR_SECONDS: "600",
  };
}
