import { mkdtemp, rm } from "node:fs/promises";
import type { Server } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findFreePort } from "../../scripts/lib/ports.ts";
import { buildSiteInto, serveStatic } from "../../scripts/lib/storefront.ts";
import { chromiumLaunchOptions } from "../support/chromium.ts";

let outDir: string;
let server: Server;
let baseUrl: string;
let browser: Browser;

beforeAll(async () => {
  outDir = await mkdtemp(join(tmpdir(), "camslide-fit-guide-"));
  await buildSiteInto(outDir);
  const port = await findFreePort();
  server = await serveStatic(outDir, port, "127.0.0.1");
  baseUrl = `http://127.0.0.1:${port}`;
  browser = await chromium.launch({ ...chromiumLaunchOptions(), headless: true });
});

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  if (outDir) await rm(outDir, { recursive: true, force: true });
  if (outDir) await rm(`${outDir}.build.log`, { force: true });
});

/** Opens a page and waits until the fit guide (hydrated when visible) answers. */
async function openGuide(path: string): Promise<{ page: Page; errors: Error[] }> {
  const context = await browser.newContext({ viewport: { width: 1100, height: 900 } });
  const page = await context.newPage();
  const errors: Error[] = [];
  page.on("pageerror", (error) => errors.push(error));
  await page.goto(`${baseUrl}${path}`);
  await page.getByTestId("fit-guide").scrollIntoViewIfNeeded();
  await page.locator("astro-island:not([ssr]) [data-testid='fit-guide']").waitFor();
  return { page, errors };
}

describe("the fit guide", () => {
  it("is used with the keyboard alone: type a Mac, read the lid warning, apply the fit", async () => {
    const { page, errors } = await openGuide("/?fit=phone");
    await expect.poll(() => page.getByTestId("fit-phone").isChecked()).toBe(true);
    // Reach the input by its label, as a screen reader would announce it.
    const input = page.getByLabel("Your device");
    await input.focus();
    await page.keyboard.type("macbook air m2");
    const result = page.getByTestId("fit-guide-result");
    await expect.poll(() => result.getAttribute("data-fit")).toBe("laptop");
    await expect.poll(() => result.getAttribute("data-device")).toBe("macbook-air-13-m2");
    const warnings = page.getByTestId("fit-guide-warnings");
    expect(await warnings.locator("[data-warning='apple-lid']").textContent()).toMatch(/0\.1 mm/);
    expect(await warnings.locator("[data-warning='sensors']").count()).toBe(1);
    // The next Tab stop after the input is the apply button; Enter presses it.
    const apply = page.getByTestId("fit-guide-apply");
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.getAttribute("data-testid"))).toBe(
      "fit-guide-apply",
    );
    await page.keyboard.press("Enter");
    await expect.poll(() => apply.getAttribute("aria-pressed")).toBe("true");
    await expect.poll(() => page.getByTestId("fit-laptop").isChecked()).toBe(true);
    await expect
      .poll(() => page.getByTestId("configurator").getAttribute("data-fit"))
      .toBe("laptop");
    await page.waitForURL(/fit=laptop/);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("offers the matching devices for a partial name and picks one with Enter", async () => {
    const { page, errors } = await openGuide("/");
    await page.getByLabel("Your device").focus();
    await page.keyboard.type("PIXEL");
    const several = page.getByTestId("fit-guide-several");
    await several.waitFor();
    await page.keyboard.press("Tab");
    await page.keyboard.press("Enter");
    const result = page.getByTestId("fit-guide-result");
    await expect.poll(() => result.getAttribute("data-fit")).toBe("phone");
    expect(await page.getByLabel("Your device").inputValue()).toMatch(/^Google Pixel/);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("gives a helpful fallback for an unknown device", async () => {
    const { page } = await openGuide("/");
    await page.getByLabel("Your device").fill("Acme Ultrabook laptop 14");
    const unknown = page.getByTestId("fit-guide-unknown");
    await expect.poll(() => unknown.getAttribute("data-fit")).toBe("laptop");
    expect(await unknown.textContent()).toMatch(/do not know this device/);
    await page.getByLabel("Your device").fill("zorblax");
    await expect.poll(() => unknown.getAttribute("data-fit")).toBe("");
    await page.close();
  });

  it("speaks French on the French page, with the guide's own label", async () => {
    const { page } = await openGuide("/fr/");
    await page.getByLabel("Votre appareil").fill("iPhone 16 Pro");
    const result = page.getByTestId("fit-guide-result");
    await expect.poll(() => result.textContent()).toMatch(/Recommandé pour iPhone 16 Pro/);
    await page.close();
  });

  it("has no axe violations with a result and warnings shown", async () => {
    const { page } = await openGuide("/");
    await page.getByLabel("Your device").fill("MacBook Pro 14-inch (M4, 2024)");
    await page.getByTestId("fit-guide-result").waitFor();
    const result = await new AxeBuilder({ page }).include("[data-testid='fit-guide']").analyze();
    expect(
      result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(" ")}`),
    ).toEqual([]);
    await page.close();
  });
});
