/**
 * node bench/worker-render.ts [--runs N]: does rendering in a worker (OffscreenCanvas) keep the
 * main thread free while the 3D view starts? Serves bench/worker-render/ with three from
 * node_modules and, in Debian's Chromium (WebGL through SwiftShader), starts the same scene on
 * the main thread and in a module worker, N times each, printing main-thread long tasks, the
 * largest gap between animation frames and the time to the first frame. Writes
 * bench/results/worker-render.json.
 */
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import type { Server } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "playwright-core";
import { findFreePort } from "../scripts/lib/ports.ts";
import { serveStatic } from "../scripts/lib/storefront.ts";
import { chromiumLaunchOptions } from "../tests/support/chromium.ts";

const root = join(import.meta.dirname, "..");
const three = join(root, "node_modules", "three");

interface Result {
  mode: string;
  readyMs: number;
  longTaskCount: number;
  longTaskTotalMs: number;
  longTaskMaxMs: number;
  maxFrameGapMs: number;
  info: { triangles: number; calls: number };
}

const index = process.argv.indexOf("--runs");
const runs = index >= 0 ? Number(process.argv[index + 1]) : 3;
const site = await mkdtemp(join(tmpdir(), "camslide-worker-bench-"));
let server: Server | undefined;
const browser = await chromium.launch({ ...chromiumLaunchOptions(), headless: true });
try {
  for (const file of ["index.html", "scene.js", "worker.js"])
    await copyFile(join(import.meta.dirname, "worker-render", file), join(site, file));
  for (const file of ["three.module.js", "three.core.js"])
    await copyFile(join(three, "build", file), join(site, file));
  // Workers see no import map: point the example's bare "three" at the copied build.
  const room = await readFile(join(three, "examples/jsm/environments/RoomEnvironment.js"), "utf8");
  await writeFile(
    join(site, "RoomEnvironment.js"),
    room.replaceAll("'three'", "'./three.module.js'"),
  );
  const port = await findFreePort();
  server = await serveStatic(site, port, "127.0.0.1");
  const results: Result[] = [];
  for (let i = 0; i < runs; i++) {
    for (const mode of ["main", "worker"]) {
      const page = await (await browser.newContext()).newPage();
      const errors: string[] = [];
      page.on("pageerror", (error) => errors.push(error.message));
      await page.goto(`http://127.0.0.1:${port}/index.html?mode=${mode}`);
      const result = (await page.evaluate(
        () => (window as unknown as { result: unknown }).result,
      )) as Result;
      if (errors.length) throw new Error(`${mode}: ${errors.join("; ")}`);
      console.log(JSON.stringify(result));
      results.push(result);
      await page.context().close();
    }
  }
  const summary = (mode: string) => {
    const mine = results.filter((r) => r.mode === mode);
    const median = (pick: (r: Result) => number) => {
      const sorted = mine.map(pick).sort((a, b) => a - b);
      return sorted[Math.floor(sorted.length / 2)] ?? null;
    };
    return {
      readyMs: median((r) => r.readyMs),
      longTaskTotalMs: median((r) => r.longTaskTotalMs),
      longTaskMaxMs: median((r) => r.longTaskMaxMs),
      maxFrameGapMs: median((r) => r.maxFrameGapMs),
    };
  };
  const out = {
    measuredAt: new Date().toISOString(),
    chromium: browser.version(),
    runs: results,
    median: { main: summary("main"), worker: summary("worker") },
  };
  console.log(`median: ${JSON.stringify(out.median)}`);
  await mkdir(join(root, "bench", "results"), { recursive: true });
  await writeFile(
    join(root, "bench", "results", "worker-render.json"),
    `${JSON.stringify(out, null, 2)}\n`,
  );
} finally {
  await browser.close();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  await rm(site, { recursive: true, force: true });
}
