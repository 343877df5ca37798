import { join } from "node:path";
import { describe, expect, inject, it } from "vitest";
import { seed } from "../../scripts/lib/backend.ts";
import { sql } from "../support/test-database.ts";

const { databaseUrl, medusaEnv, logDir, seeded } = inject("integration");

/** Row counts of every table in the database, by name. */
async function rowCounts(): Promise<Record<string, number>> {
  const tables = await sql<{ name: string }>(
    databaseUrl,
    `SELECT table_name AS name FROM information_schema.tables
      WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1`,
  );
  const counts: Record<string, number> = {};
  for (const { name } of tables) {
    const [row] = await sql<{ n: string }>(databaseUrl, `SELECT count(*) AS n FROM "${name}"`);
    counts[name] = Number(row?.n);
  }
  return counts;
}

describe("the seed", () => {
  it("changes no table's row count when it runs a second time, and keeps the same key", async () => {
    const before = await rowCounts();
    expect(before.product_variant).toBeGreaterThan(0);
    const again = await seed(
      medusaEnv,
      join(logDir, "seed-again.json"),
      join(logDir, "seed-again.log"),
    );
    const after = await rowCounts();
    expect(after).toEqual(before);
    expect(again.publishableKey).toBe(seeded.publishableKey);
    expect(again.regions).toEqual(seeded.regions);
  });

  it("creates no admin user outside the embedded demo", async () => {
    const users = await sql<{ email: string }>(databaseUrl, 'SELECT email FROM "user"');
    expect(users.map((u) => u.email)).not.toContain("admin@camslide.local");
  });
});
