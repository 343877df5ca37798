import { spawn } from "node:child_process";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { repoRoot } from "../../scripts/lib/backend.ts";
import { sku } from "../../src/product/index.ts";
import { adminClient } from "../support/admin.ts";
import { readyCart, regionId, storeClient, variantIdBySku } from "../support/store.ts";

const email = "ops-cli@example.ch";
const password = "a-long-test-password";

/** `npm run ops -- …` as an operator types it, against this run's Medusa. */
function ops(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const { backendUrl } = inject("integration");
  return new Promise((resolve) => {
    const child = spawn("npm", ["run", "-s", "ops", "--", ...args, "--backend", backendUrl], {
      cwd: repoRoot,
      env: { ...process.env, CAMSLIDE_ADMIN_EMAIL: email, CAMSLIDE_ADMIN_PASSWORD: password },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (c) => {
      stdout += c;
    });
    child.stderr.on("data", (c) => {
      stderr += c;
    });
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

const orders: number[] = [];
let since = "";

beforeAll(async () => {
  await adminClient(email);
  const sdk = storeClient();
  const region = await regionId(sdk, "ch");
  const variant = await variantIdBySku(sdk, region, sku("tablet", "black"));
  since = new Date(Date.now() - 1000).toISOString();
  for (const buyer of ["cli1@example.ch", "cli2@example.ch"]) {
    const done = await sdk.store.cart.complete(await readyCart(sdk, region, variant, 1, buyer));
    if (done.type !== "order") throw new Error("no order");
    orders.push(done.order.display_id ?? 0);
  }
});

describe("npm run ops", () => {
  it("exports as CSV on stdout with a count on stderr, and a second export is only the header", async () => {
    const first = await ops(["export", "--since", since]);
    expect(first.code).toBe(0);
    const lines = first.stdout.trimEnd().split("\r\n");
    expect(lines[0]).toMatch(/^order_number,batch,recipient,/);
    expect(lines.slice(1).map((l) => Number(l.split(",")[0]))).toEqual(orders);
    expect(first.stderr).toContain("Exported 2 order lines.");
    const second = await ops(["export", "--since", since]);
    expect(second.stdout.trimEnd().split("\r\n")).toHaveLength(1);
    expect(second.stderr).toContain("nothing new to export");
    // The first export's file again, by the id it printed: the same file, nothing marked.
    const exportId = /npm run ops -- export --again (export_\w+)/.exec(first.stderr)?.[1];
    expect(exportId).toBeDefined();
    const again = await ops(["export", "--again", exportId ?? ""]);
    expect(again.code).toBe(0);
    expect(again.stdout).toBe(first.stdout);
    const third = await ops(["export", "--since", since]);
    expect(third.stdout.trimEnd().split("\r\n")).toHaveLength(1);
  });

  it("imports a long tracking file in parts, reporting rejected rows by their line in the file", async () => {
    const [first, second] = orders;
    const rows = ["order_number,carrier,tracking_number,shipped_date"];
    rows.push(`${first},Swiss Post,CLI-1,2027-04-01`);
    for (let i = 0; i < 150; i++) rows.push(`${900000 + i},Swiss Post,X${i},2027-04-01`);
    rows.push(`${second},Swiss Post,CLI-2,2027-04-01`);
    rows.push(`${second},Swiss Post,CLI-3,April`);
    const dir = await mkdtemp(join(tmpdir(), "camslide-ops-"));
    const file = join(dir, "tracking.csv");
    await writeFile(file, `${rows.join("\n")}\n`);
    const result = await ops(["import-tracking", file]);
    expect(result.code).toBe(2);
    expect(result.stdout).toContain("line 3: unknown order 900000\n");
    expect(result.stdout).toContain("line 152: unknown order 900149\n");
    expect(result.stdout).toContain('line 154: malformed shipped date "April"');
    expect(result.stdout).toContain("2 orders shipped, 151 rows rejected, of 153 rows");
    const again = await ops(["import-tracking", file]);
    expect(again.stdout).toContain("0 orders shipped, 153 rows rejected");
    expect(again.stdout).toContain(`line 2: order ${first} is already shipped (tracking CLI-1)`);
    expect(again.stdout).toContain(`line 153: order ${second} is already shipped (tracking CLI-2)`);
  });

  it("says so when the login is wrong, and exits 1", async () => {
    const { backendUrl } = inject("integration");
    const child = spawn("npm", ["run", "-s", "ops", "--", "export", "--backend", backendUrl], {
      cwd: repoRoot,
      env: { ...process.env, CAMSLIDE_ADMIN_EMAIL: email, CAMSLIDE_ADMIN_PASSWORD: "wrong" },
    });
    let stderr = "";
    child.stderr.on("data", (c) => {
      stderr += c;
    });
    const code = await new Promise((r) => child.on("close", r));
    expect(code).toBe(1);
    expect(stderr).toMatch(/Logging in as ops-cli@example.ch failed \(401\)/);
  });

  it("prints the launch queue: waiting, made, failed", async () => {
    const result = await ops(["queue"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      /^\d+ waiting \(\d+ being converted.*\); \d+ orders made in the last minute; \d+ done; \d+ failed\n/,
    );
  });
});
