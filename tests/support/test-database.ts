import { randomBytes } from "node:crypto";
import { chmod, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { startEmbeddedPostgres } from "../../scripts/lib/embedded-postgres.ts";

export interface TestDatabase {
  url: string;
  /** "system" when the machine's PostgreSQL answered, "embedded" otherwise. */
  kind: "system" | "embedded";
  drop(): Promise<void>;
}

/** The machine's PostgreSQL, as CI and every session have it; override with TEST_POSTGRES_URL. */
const SYSTEM_ADMIN_URL =
  process.env.TEST_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

async function reachable(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * A database of the test run's own: created on the machine's PostgreSQL when it is reachable,
 * else on an embedded PostgreSQL in a temporary folder; dropped (or deleted) afterwards.
 */
export async function createTestDatabase(prefix: string): Promise<TestDatabase> {
  const name = `${prefix}_${process.pid}_${randomBytes(4).toString("hex")}`;
  if (await reachable(SYSTEM_ADMIN_URL)) {
    const admin = new pg.Client({ connectionString: SYSTEM_ADMIN_URL });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
    await admin.end();
    const url = new URL(SYSTEM_ADMIN_URL);
    url.pathname = `/${name}`;
    return {
      url: url.toString(),
      kind: "system",
      async drop() {
        const client = new pg.Client({ connectionString: SYSTEM_ADMIN_URL });
        await client.connect();
        await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
        await client.end();
      },
    };
  }
  const dir = await mkdtemp(join(tmpdir(), "camslide-pg-"));
  await chmod(dir, 0o755);
  const database = await startEmbeddedPostgres({
    dir: join(dir, "data"),
    password: randomBytes(12).toString("hex"),
    database: name,
    logFile: join(dir, "postgres.log"),
  });
  return {
    url: database.url,
    kind: "embedded",
    async drop() {
      await database.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** Runs one query on a short-lived connection. */
export async function sql<Row extends pg.QueryResultRow>(
  url: string,
  text: string,
  values: unknown[] = [],
): Promise<Row[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<Row>(text, values)).rows;
  } finally {
    await client.end();
  }
}
