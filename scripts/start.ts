/**
 * `npm start`: the whole shop on one machine.
 *
 * With no DATABASE_URL it starts the embedded PostgreSQL (data in .data/postgres), builds
 * Medusa and the storefront when their sources changed, migrates, seeds, starts Medusa in
 * production mode and serves the storefront; Ctrl-C (or SIGTERM) stops all of it and exits 0.
 * If Medusa dies, it stops the rest too and exits 1: run it under a supervisor that restarts
 * it on failure (deploy/camslide.service).
 *
 * Environment: STOREFRONT_PORT (4321), MEDUSA_PORT (9000), CAMSLIDE_DATA_DIR (.data),
 * DATABASE_URL and REDIS_URL (real servers), JWT_SECRET and COOKIE_SECRET (required with
 * DATABASE_URL), CAMSLIDE_SITE_URL (the public storefront URL, for canonical links).
 */
import type { ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import type { Server } from "node:http";
import { join, resolve } from "node:path";
import {
  backendReady,
  buildBackend,
  medusaEnv,
  migrate,
  repoRoot,
  seed,
  serverDir,
  spawnBackend,
} from "./lib/backend.ts";
import { DEMO_ADMIN } from "./lib/demo.ts";
import { type EmbeddedDatabase, startEmbeddedPostgres } from "./lib/embedded-postgres.ts";
import { retailerOriginsFrom } from "./lib/framing.ts";
import { assertPortFree, readPort } from "./lib/ports.ts";
import { stopProcess } from "./lib/processes.ts";
import { retailerDemoOrigins, retailerDemoPort, serveRetailerDemo } from "./lib/retailer-demo.ts";
import { buildStorefront, serveStatic } from "./lib/storefront.ts";

interface DemoSecrets {
  databasePassword: string;
  jwtSecret: string;
  cookieSecret: string;
}

async function demoSecrets(dataDir: string): Promise<DemoSecrets> {
  const file = join(dataDir, "secrets.json");
  const existing = await readFile(file, "utf8").then(
    (text) => JSON.parse(text) as DemoSecrets,
    () => undefined,
  );
  if (existing) return existing;
  const secrets = {
    databasePassword: randomBytes(16).toString("hex"),
    jwtSecret: randomBytes(32).toString("hex"),
    cookieSecret: randomBytes(32).toString("hex"),
  };
  await writeFile(file, `${JSON.stringify(secrets, null, 2)}\n`, { mode: 0o600 });
  return secrets;
}

function step(message: string): () => void {
  const started = Date.now();
  process.stdout.write(`• ${message} … `);
  return () => console.log(`${((Date.now() - started) / 1000).toFixed(1)} s`);
}

async function main(): Promise<void> {
  const env = process.env;
  const storefrontPort = readPort(env, "STOREFRONT_PORT", 4321);
  const medusaPort = readPort(env, "MEDUSA_PORT", 9000);
  const dataDir = resolve(repoRoot, env.CAMSLIDE_DATA_DIR || ".data");
  const logDir = join(dataDir, "logs");
  await mkdir(logDir, { recursive: true });
  await assertPortFree(storefrontPort, "STOREFRONT_PORT");
  await assertPortFree(medusaPort, "MEDUSA_PORT");
  const retailerPort = await retailerDemoPort(env);

  const external = env.DATABASE_URL?.trim();
  const demo = !external;
  let database: EmbeddedDatabase | undefined;
  let backend: ChildProcess | undefined;
  let storefront: Server | undefined;
  let retailerSite: Server | undefined;
  let stopping: Promise<void> | undefined;

  const stop = (code: number) => {
    stopping ??= (async () => {
      console.log("\nStopping Camslide …");
      await rm(join(dataDir, "runtime.json"), { force: true });
      storefront?.close();
      storefront?.closeAllConnections();
      retailerSite?.close();
      retailerSite?.closeAllConnections();
      if (backend) await stopProcess(backend);
      await database?.stop();
      console.log("Stopped.");
      process.exit(code);
    })();
    return stopping;
  };
  // We stop things in order ourselves: Medusa, then the database (embedded-postgres's own
  // signal hooks, which would exit at once, are removed when it loads: lib/embedded-postgres.ts).
  process.once("SIGINT", () => void stop(0));
  process.once("SIGTERM", () => void stop(0));

  try {
    const secrets = demo ? await demoSecrets(dataDir) : undefined;
    let databaseUrl = external;
    if (!databaseUrl && secrets) {
      const done = step("Starting the embedded PostgreSQL");
      database = await startEmbeddedPostgres({
        dir: join(dataDir, "postgres"),
        password: secrets.databasePassword,
        database: "camslide",
        logFile: join(logDir, "postgres.log"),
      });
      databaseUrl = database.url;
      done();
    }
    if (!databaseUrl) throw new Error("no database");

    let done = step("Building the Medusa backend (about a minute when it changed)");
    const built = await buildBackend(join(logDir, "medusa-build.log"));
    done();
    if (built === "built") {
      // A new build may bring new migrations: forget that this data folder was migrated.
      await rm(join(dataDir, "migrated"), { force: true });
    }

    const storefrontOrigins = [
      `http://localhost:${storefrontPort}`,
      `http://127.0.0.1:${storefrontPort}`,
    ];
    const backendEnv = medusaEnv({
      databaseUrl,
      redisUrl: env.REDIS_URL?.trim() || undefined,
      port: medusaPort,
      storefrontOrigins,
      jwtSecret: secrets?.jwtSecret ?? env.JWT_SECRET ?? "",
      cookieSecret: secrets?.cookieSecret ?? env.COOKIE_SECRET ?? "",
      demo,
      storefrontUrl: env.CAMSLIDE_SITE_URL?.trim() || `http://localhost:${storefrontPort}`,
      outboxDir: join(dataDir, "outbox"),
      extra: demo
        ? {
            CAMSLIDE_ADMIN_EMAIL: DEMO_ADMIN.email,
            CAMSLIDE_ADMIN_PASSWORD: DEMO_ADMIN.password,
            CAMSLIDE_DEMO_RETAILER_ORIGINS: retailerDemoOrigins(retailerPort).join(","),
          }
        : {},
    });

    const buildId = await readFile(join(serverDir, ".camslide-build"), "utf8");
    const migratedFor = await readFile(join(dataDir, "migrated"), "utf8").catch(() => "");
    if (!demo || migratedFor !== buildId) {
      done = step("Migrating the database");
      await migrate(backendEnv, join(logDir, "medusa-migrate.log"));
      if (demo) await writeFile(join(dataDir, "migrated"), buildId);
      done();
    }

    done = step("Seeding the catalogue (idempotent)");
    const seeded = await seed(
      backendEnv,
      join(dataDir, "seed-output.json"),
      join(logDir, "medusa-seed.log"),
    );
    done();

    const backendUrl = env.MEDUSA_BACKEND_URL?.trim() || `http://localhost:${medusaPort}`;
    const siteUrl = env.CAMSLIDE_SITE_URL?.trim() || `http://localhost:${storefrontPort}`;
    const storefrontDir = join(dataDir, "storefront");
    done = step("Building the storefront and starting Medusa");
    const medusaLog = join(logDir, "medusa.log");
    backend = await spawnBackend(backendEnv, medusaLog);
    // Medusa died on its own: stop the rest in order and exit 1, so that a supervisor
    // (deploy/camslide.service: Restart=on-failure) starts the whole shop again, rather than
    // this launcher keeping a half shop alive or restarting Medusa behind the supervisor's back.
    backend.once("exit", (code, signal) => {
      if (!stopping) {
        console.error(
          `\nMedusa exited (${signal ? `killed by ${signal}` : `code ${code}`}); see ${medusaLog}. Stopping the shop and exiting with code 1, for a supervisor to start it again (deploy/README.md).`,
        );
        void stop(1);
      }
    });
    await Promise.all([
      backendReady(backend, backendEnv, medusaLog),
      buildStorefront(
        { backendUrl, publishableKey: seeded.publishableKey, siteUrl, outDir: storefrontDir },
        join(logDir, "storefront-build.log"),
      ),
    ]);
    storefront = await serveStatic(
      storefrontDir,
      storefrontPort,
      undefined,
      retailerOriginsFrom(`http://127.0.0.1:${medusaPort}`),
    );
    if (demo) {
      retailerSite = await serveRetailerDemo(join(dataDir, "retailer-site"), retailerPort, siteUrl);
    }
    done();
    // Where the running shop is, for the operator's tools (npm run ops); removed on stop.
    await writeFile(
      join(dataDir, "runtime.json"),
      `${JSON.stringify({ backendUrl, storefrontUrl: siteUrl, publishableKey: seeded.publishableKey, demo, pid: process.pid }, null, 2)}\n`,
    );

    console.log(`
Camslide is running${demo ? " (embedded demo)" : ""}:
  Storefront   http://localhost:${storefrontPort}/
  Admin        http://localhost:${medusaPort}/app${demo ? `   (${DEMO_ADMIN.email} / ${DEMO_ADMIN.password})` : ""}
  Store API    http://localhost:${medusaPort}/store   (publishable key ${seeded.publishableKey})${demo ? `\n  Retailer     http://localhost:${retailerPort}/   (demo retailer "acme" embedding the widget)` : ""}
  Logs         ${logDir}
Press Ctrl-C to stop.`);
  } catch (error) {
    console.error(`\n${error instanceof Error ? error.message : String(error)}`);
    await stop(1);
  }
}

await main();
