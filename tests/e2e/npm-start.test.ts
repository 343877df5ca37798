import { access, chmod, mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Browser, chromium } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_ADMIN } from "../../scripts/lib/demo.ts";
import { findFreePort, isPortFree } from "../../scripts/lib/ports.ts";
import { intlLocale } from "../../src/i18n/index.ts";
import { formatMoney } from "../../src/lib/format.ts";
import { basePriceMinor, product, regions, sku, toMajorUnits } from "../../src/product/index.ts";
import { chromiumLaunchOptions } from "../support/chromium.ts";
import { interrupt, npmStart, waitForOutput } from "../support/shop.ts";

/** Processes whose command line mentions a path: what would be left running. */
async function processesMentioning(path: string): Promise<string[]> {
  const found: string[] = [];
  for (const pid of await readdir("/proc")) {
    if (!/^\d+$/.test(pid)) continue;
    const cmdline = await readFile(`/proc/${pid}/cmdline`, "utf8").catch(() => "");
    if (cmdline.includes(path)) found.push(`${pid}: ${cmdline.replaceAll("\0", " ")}`);
  }
  return found;
}

/** The pids of a process's children whose command line mentions `text`. */
async function childrenOf(parent: number, text: string): Promise<number[]> {
  const found: number[] = [];
  for (const pid of await readdir("/proc")) {
    if (!/^\d+$/.test(pid)) continue;
    const stat = await readFile(`/proc/${pid}/stat`, "utf8").catch(() => "");
    // The parent pid is the second field after the command name in parentheses.
    const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
    if (ppid !== parent) continue;
    const cmdline = await readFile(`/proc/${pid}/cmdline`, "utf8").catch(() => "");
    if (cmdline.includes(text)) found.push(Number(pid));
  }
  return found;
}

let dataDir: string;
let storefrontPort: number;
let medusaPort: number;
let env: Record<string, string>;
let browser: Browser;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), "camslide-e2e-"));
  await chmod(dataDir, 0o755);
  storefrontPort = await findFreePort();
  medusaPort = await findFreePort();
  env = {
    CAMSLIDE_DATA_DIR: dataDir,
    STOREFRONT_PORT: String(storefrontPort),
    MEDUSA_PORT: String(medusaPort),
  };
  browser = await chromium.launch(chromiumLaunchOptions());
});

afterAll(async () => {
  await browser?.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe("npm start on a fresh data folder", () => {
  it("serves the shop, refuses a busy port, stops cleanly on Ctrl-C, reuses its data, and exits non-zero when Medusa dies", async () => {
    const first = npmStart(env);
    try {
      await waitForOutput(first, "Camslide is running", 480_000);
      expect(first.output()).toContain("Starting the embedded PostgreSQL");
      expect(first.output()).toContain("Migrating the database");
      const seeded = JSON.parse(await readFile(join(dataDir, "seed-output.json"), "utf8")) as {
        publishableKey: string;
      };

      // The store API answers with the publishable key the storefront was built with.
      const products = await fetch(
        `http://localhost:${medusaPort}/store/products?handle=camslide`,
        {
          headers: { "x-publishable-api-key": seeded.publishableKey },
        },
      );
      expect(products.status).toBe(200);
      const body = (await products.json()) as { products: { handle: string }[] };
      expect(body.products.map((p) => p.handle)).toEqual(["camslide"]);

      // A shopper sees Medusa's price for the chosen variant and region.
      // A shopper whose browser says Swiss German: the shop guesses Switzerland (CHF).
      const page = await browser.newPage({ locale: "de-CH" });
      const errors: string[] = [];
      page.on("pageerror", (error) => errors.push(error.message));
      await page.goto(`http://localhost:${storefrontPort}/`);
      const price = page.getByTestId("price");
      const chf = (minorUnits: number) =>
        formatMoney(toMajorUnits(minorUnits, "chf"), "chf", intlLocale("en", "ch"));
      await expect
        .poll(() => price.textContent(), { timeout: 30_000 })
        .toBe(chf(basePriceMinor.laptop.chf));
      await page.getByTestId("fit-monitor").check();
      await page.getByTestId("colour-coral").check();
      await expect.poll(() => price.textContent()).toBe(chf(basePriceMinor.monitor.chf));
      await expect
        .poll(() => page.getByTestId("offer").textContent())
        .toContain(sku("monitor", "coral"));
      await page.getByTestId("region-select").selectOption("eu");
      await expect
        .poll(() => price.textContent(), { timeout: 15_000 })
        .toBe(
          formatMoney(
            toMajorUnits(basePriceMinor.monitor.eur, "eur"),
            regions.eu.currency,
            intlLocale("en", "eu"),
          ),
        );
      expect(await page.getByTestId("stock").textContent()).toBe("In stock");
      expect(errors).toEqual([]);
      await page.close();

      // The demo admin logs in to the dashboard over plain HTTP and sees the seeded product.
      const admin = await browser.newPage();
      await admin.goto(`http://localhost:${medusaPort}/app/login`);
      await admin.fill('input[name="email"]', DEMO_ADMIN.email);
      await admin.fill('input[name="password"]', DEMO_ADMIN.password);
      await admin.click('button[type="submit"]');
      await admin.waitForURL(/\/app\/orders/, { timeout: 30_000 });
      await admin.goto(`http://localhost:${medusaPort}/app/products`);
      await expect
        .poll(() => admin.getByText(product.title, { exact: true }).count(), { timeout: 30_000 })
        .toBe(1);
      // The production batches page of the admin extension lists the seeded batches.
      await admin.goto(`http://localhost:${medusaPort}/app/batches`);
      await expect
        .poll(() => admin.getByRole("heading", { name: "Batch 1", exact: true }).count(), {
          timeout: 30_000,
        })
        .toBe(1);
      // Its export for the 3PL is a POST from the admin's own page that saves the CSV.
      const download = admin.waitForEvent("download");
      await admin
        .getByTestId("batch-1")
        .getByRole("button", { name: "Export new orders for the 3PL (CSV)" })
        .click();
      expect((await download).suggestedFilename()).toMatch(/^camslide-batch-1-export_\w+\.csv$/);
      await admin.close();

      // A second shop on the same ports is refused with a message that says what to do.
      const clash = npmStart(env);
      expect(await clash.closed).not.toBe(0);
      expect(clash.output()).toMatch(/Port \d+ is already in use/);
      expect(clash.output()).toMatch(/(STOREFRONT|MEDUSA)_PORT=<port> npm start/);
    } finally {
      await interrupt(first);
    }
    expect(first.output()).toContain("Stopped.");
    expect(await isPortFree(storefrontPort)).toBe(true);
    expect(await isPortFree(medusaPort)).toBe(true);
    await expect(access(join(dataDir, "postgres", "postmaster.pid"))).rejects.toThrow();
    expect(await processesMentioning(dataDir)).toEqual([]);

    // The second start reuses the database: no initdb, no migration, the same key.
    const second = npmStart(env);
    let exitCode: number | null = null;
    try {
      await waitForOutput(second, "Camslide is running", 240_000);
      expect(second.output()).not.toContain("Migrating the database");
      const response = await fetch(`http://localhost:${storefrontPort}/`);
      expect(response.status).toBe(200);

      // Medusa dies (kill -9): npm start stops the rest in order and exits non-zero, so a
      // supervisor (deploy/camslide.service, Restart=on-failure) starts the whole shop again.
      const { pid } = JSON.parse(await readFile(join(dataDir, "runtime.json"), "utf8")) as {
        pid: number;
      };
      const medusa = await childrenOf(pid, "@medusajs/cli/cli.js");
      expect(medusa).toHaveLength(1);
      process.kill(medusa[0] ?? 0, "SIGKILL");
      exitCode = await second.closed;
    } finally {
      await interrupt(second);
    }
    expect(second.output()).toMatch(/Medusa exited \(killed by SIGKILL\)/);
    expect(exitCode).not.toBe(0);
    expect(exitCode).not.toBeNull();
    expect(second.output()).toContain("Stopped.");
    expect(await isPortFree(storefrontPort)).toBe(true);
    await expect(access(join(dataDir, "postgres", "postmaster.pid"))).rejects.toThrow();
    expect(await processesMentioning(dataDir)).toEqual([]);
  });
});
