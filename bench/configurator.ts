/**
 * npm run bench:configurator: builds the storefront into a temp folder, serves it, and measures
 * the configurator in Debian's Chromium (WebGL through SwiftShader). Prints every figure and
 * writes them to bench/results/configurator.json (the retailer widget's under retailerWidget). Flags: --no-lighthouse to skip that run.
 */
import { spawn } from "node:child_process";
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import type { Server } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { type Browser, chromium, type Page } from "playwright-core";
import { findFreePort } from "../scripts/lib/ports.ts";
import { serveStatic } from "../scripts/lib/storefront.ts";
import { fitKeys } from "../src/product/index.ts";
import { chromiumLaunchOptions } from "../tests/support/chromium.ts";
import { measureWidget } from "./widget.ts";

const root = join(import.meta.dirname, "..");

function run(
  command: string,
  args: string[],
  env: Record<string, string> = {},
  timeoutMs = 300_000,
) {
  return new Promise<string>((resolve, reject) => {
    let output = "";
    const child = spawn(command, args, {
      cwd: root,
      env: { ...process.env, ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    const timer = setTimeout(() => child.kill("SIGTERM"), timeoutMs);
    child.stdout.on("data", (c) => {
      output += c;
    });
    child.stderr.on("data", (c) => {
      output += c;
    });
    child.once("error", reject);
    child.once("close", (code) => {
      clearTimeout(timer);
      if (code === 0) resolve(output);
      else
        reject(new Error(`${command} ${args.join(" ")} exited ${code}:\n${output.slice(-3000)}`));
    });
  });
}

/**
 * The JS files (same-origin paths) one page fetches before the shopper asks for the 3D view
 * (after scrolling it all through, so visibility-hydrated islands count) and the ones fetched
 * only once the "Show 3D view" button is pressed.
 */
async function scriptsLoaded(
  browser: Browser,
  url: string,
  settleMs: number,
): Promise<{ before: Set<string>; island: Set<string> }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const before = new Set<string>();
  const island = new Set<string>();
  let asked = false;
  page.on("request", (request) => {
    const { pathname } = new URL(request.url());
    if (!pathname.endsWith(".js")) return;
    if (!asked) before.add(pathname);
    else if (!before.has(pathname)) island.add(pathname);
  });
  await page.goto(url);
  await page
    .locator('[data-testid="configurator"][data-ready="true"]')
    .waitFor({ timeout: 120_000 });
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  await page.waitForLoadState("networkidle");
  await page.waitForTimeout(settleMs);
  await page.evaluate(() => window.scrollTo(0, 0));
  asked = true;
  await page.getByTestId("show-3d").click();
  await page
    .locator('[data-testid="configurator"][data-ready="true"][data-mode="3d"]')
    .waitFor({ timeout: 120_000 });
  await page.waitForTimeout(settleMs);
  await context.close();
  return { before, island };
}

async function gzipBytes(dist: string, paths: Iterable<string>): Promise<number> {
  let total = 0;
  for (const path of paths)
    total += gzipSync(await readFile(join(dist, path)), { level: 9 }).byteLength;
  return total;
}

/** Clicks a radio and times, in the page's clock, the click to the start of the next frame. */
function timeToNextFrame(page: Page, testId: string) {
  return page.evaluate(async (id) => {
    const probe = window.__camslideConfigurator;
    const input = document.querySelector<HTMLInputElement>(`[data-testid="${id}"]`);
    if (!probe || !input) throw new Error(`no probe or no ${id}`);
    const before = probe.frames;
    const tasks = (window as unknown as { __camslideLongTasks: number[] }).__camslideLongTasks;
    const tasksBefore = tasks.length;
    const t0 = performance.now();
    input.click();
    await new Promise<void>((resolve) => {
      const check = () => (probe.frames > before ? resolve() : requestAnimationFrame(check));
      requestAnimationFrame(check);
    });
    const ms = probe.lastFrameAt - t0;
    // Then count what else is drawn for it in the next 1.5 s (1 means "in one frame").
    const counted = probe.frames;
    await new Promise((resolve) => setTimeout(resolve, 1500));
    return {
      ms,
      framesForChange: probe.frames - before,
      extraFrames: probe.frames - counted,
      longTasksMs: tasks.slice(tasksBefore).map(Math.round),
    };
  }, testId);
}

interface LighthouseFigures {
  performance: number | null;
  accessibility: number | null;
  lcpMs: number | null;
  tbtMs: number | null;
  cls: number | null;
}

async function lighthouse(url: string): Promise<LighthouseFigures> {
  const out = join(await mkdtemp(join(tmpdir(), "camslide-lh-")), "report.json");
  const flags = [...(chromiumLaunchOptions().args ?? []), "--headless=new"].join(" ");
  await run(
    process.execPath,
    [
      join(root, "node_modules/lighthouse/cli/index.js"),
      url,
      "--quiet",
      "--output=json",
      `--output-path=${out}`,
      "--only-categories=performance,accessibility",
      `--chrome-flags=${flags}`,
    ],
    { CHROME_PATH: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium" },
    240_000,
  );
  const report = JSON.parse(await readFile(out, "utf8")) as {
    categories: Record<string, { score: number | null }>;
    audits: Record<string, { numericValue?: number }>;
  };
  return {
    performance: report.categories.performance?.score ?? null,
    accessibility: report.categories.accessibility?.score ?? null,
    lcpMs: report.audits["largest-contentful-paint"]?.numericValue ?? null,
    tbtMs: report.audits["total-blocking-time"]?.numericValue ?? null,
    cls: report.audits["cumulative-layout-shift"]?.numericValue ?? null,
  };
}

async function main() {
  const withLighthouse = !process.argv.includes("--no-lighthouse");
  const dist = await mkdtemp(join(tmpdir(), "camslide-bench-"));
  let server: Server | undefined;
  let browser: Browser | undefined;
  try {
    console.log("building the storefront…");
    await run(process.execPath, [join(root, "node_modules/astro/bin/astro.mjs"), "build"], {
      CAMSLIDE_DIST_DIR: dist,
      ASTRO_TELEMETRY_DISABLED: "1",
    });
    const port = await findFreePort();
    server = await serveStatic(dist, port, "127.0.0.1");
    const url = `http://127.0.0.1:${port}/`;
    const options = chromiumLaunchOptions();
    browser = await chromium.launch({ ...options, headless: true });

    // JS before the island: what the page loads until the shopper asks for the 3D view.
    const scripts = await scriptsLoaded(browser, url, 1000);
    const before = scripts.before;
    const island = [...scripts.island];

    const glbBytes: Record<string, number> = {};
    for (const fit of fitKeys)
      glbBytes[fit] = (await stat(join(root, "models", `${fit}.glb`))).size;

    const page = await (
      await browser.newContext({ viewport: { width: 1100, height: 900 } })
    ).newPage();
    // Long tasks on the main thread from navigation to ready (no CPU throttling).
    await page.addInitScript(() => {
      const durations: number[] = [];
      Object.assign(window, { __camslideLongTasks: durations });
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) durations.push(entry.duration);
      }).observe({ type: "longtask", buffered: true });
    });
    const longTaskSummary = () =>
      page.evaluate(() => {
        const durations = (
          window as unknown as { __camslideLongTasks: number[] }
        ).__camslideLongTasks.splice(0);
        return {
          count: durations.length,
          totalMs: Math.round(durations.reduce((a, b) => a + b, 0)),
          maxMs: Math.round(Math.max(0, ...durations)),
        };
      });
    await page.goto(url, { waitUntil: "load" });
    await page.locator('[data-testid="configurator"][data-ready="true"]').waitFor();
    await page.waitForTimeout(2000);
    // Long tasks from navigation to 2 s after load, before anyone touches the page.
    const longTasksDuringLoad = await longTaskSummary();
    const startedAt = Date.now();
    await page.getByTestId("show-3d").click();
    await page.locator('[data-testid="configurator"][data-ready="true"][data-mode="3d"]').waitFor({
      timeout: 120_000,
    });
    const readyMs = Date.now() - startedAt;
    const longTasks = await longTaskSummary();
    // Under software GL the GPU process works through the start-up frames for a while after the
    // first one, and Chromium runs no animation frame until it has: time until the renderer owes
    // no frame, which is when the view really answers the next change.
    for (;;) {
      await page.waitForFunction(() => window.__camslideConfigurator?.pending() === 0, null, {
        timeout: 120_000,
        polling: 100,
      });
      // Two animation frames in a row: the browser is drawing again.
      await page.evaluate(
        () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
      );
      if ((await page.evaluate(() => window.__camslideConfigurator?.pending())) === 0) break;
    }
    const settledMs = Date.now() - startedAt;
    const info = await page.evaluate(() => window.__camslideConfigurator?.info());
    const restStart = await page.evaluate(() => window.__camslideConfigurator?.frames ?? 0);
    // Frames drawn over 5 s in which the browser ran animation frames (counted): a render loop
    // or a stray invalidation would draw in them.
    const animationFramesAtRest5s = await page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          const start = performance.now();
          let ticks = 0;
          const tick = () => {
            ticks += 1;
            if (performance.now() - start >= 5000) resolve(ticks);
            else requestAnimationFrame(tick);
          };
          requestAnimationFrame(tick);
        }),
    );
    const framesAtRest5s =
      (await page.evaluate(() => window.__camslideConfigurator?.frames ?? 0)) - restStart;
    const colourChange = await timeToNextFrame(page, "colour-coral");
    const colourChangeAgain = await timeToNextFrame(page, "colour-silver");
    const fitChange = await timeToNextFrame(page, "fit-monitor");
    const fitChangeAgain = await timeToNextFrame(page, "fit-phone");
    const infoPhone = await page.evaluate(() => window.__camslideConfigurator?.info());
    const widget = await measureWidget(browser, dist, `http://127.0.0.1:${port}`);

    const results = {
      measuredAt: new Date().toISOString(),
      chromium: browser.version(),
      jsGzipBytes: {
        beforeIsland: await gzipBytes(dist, before),
        island: await gzipBytes(dist, island),
        beforeIslandFiles: [...before].sort(),
        islandFiles: island.sort(),
      },
      glbBytes,
      render: {
        longTasksDuringLoad,
        timeFromShow3dClickToReadyMs: readyMs,
        timeFromShow3dClickToSettledMs: settledMs,
        longTasksFromShow3dClickToReady: longTasks,
        laptop: info,
        phoneSilver: infoPhone,
        framesAtRest5s,
        animationFramesAtRest5s,
      },
      colourChange: { first: colourChange, again: colourChangeAgain },
      fitChange: { first: fitChange, again: fitChangeAgain },
      retailerWidget: widget,
      lighthouseMobile: withLighthouse ? await lighthouse(url) : "skipped (--no-lighthouse)",
    };
    const text = JSON.stringify(results, null, 2);
    console.log(text);
    await mkdir(join(root, "bench", "results"), { recursive: true });
    await writeFile(join(root, "bench", "results", "configurator.json"), `${text}\n`);
    console.log("written to bench/results/configurator.json");
  } finally {
    await browser?.close();
    await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
    await rm(dist, { recursive: true, force: true });
  }
}

await main();
