/**
 * node bench/lighthouse.ts [--runs N] [--path /fr/ --path /cart/ …]: builds the storefront into a
 * temp folder, serves it and runs Lighthouse (mobile, Debian's Chromium) N times on each page
 * (default: the home page, the cart and the checkout), printing each
 * run and the median, with what the LCP element was and the longest main-thread tasks, so a
 * change can be judged over several runs rather than one. Writes bench/results/lighthouse.json.
 */
import { spawn } from "node:child_process";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import type { Server } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { findFreePort } from "../scripts/lib/ports.ts";
import { serveStatic } from "../scripts/lib/storefront.ts";
import { chromiumLaunchOptions } from "../tests/support/chromium.ts";

const root = join(import.meta.dirname, "..");

function run(command: string, args: string[], env: Record<string, string>, timeoutMs: number) {
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
      else reject(new Error(`${command} exited ${code}:\n${output.slice(-3000)}`));
    });
  });
}

interface Audit {
  numericValue?: number;
  details?: { items?: Array<Record<string, unknown>> };
}

interface Run {
  performance: number | null;
  accessibility: number | null;
  fcpMs: number | null;
  lcpMs: number | null;
  tbtMs: number | null;
  cls: number | null;
  lcpElement: string | null;
  /** The three longest main-thread tasks Lighthouse saw, in ms. */
  longTasksMs: number[];
}

async function lighthouseRun(url: string): Promise<Run> {
  const folder = await mkdtemp(join(tmpdir(), "camslide-lh-"));
  const out = join(folder, "report.json");
  const flags = [...(chromiumLaunchOptions().args ?? []), "--headless=new"].join(" ");
  try {
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
      audits: Record<string, Audit>;
    };
    const audit = (id: string) => report.audits[id]?.numericValue ?? null;
    // Lighthouse 13 names the LCP element in the LCP breakdown insight, as a "node" item.
    const lcpNode = (report.audits["lcp-breakdown-insight"]?.details?.items ?? []).find(
      (item) => item.type === "node",
    ) as { selector?: string } | undefined;
    const longTasks = (report.audits["long-tasks"]?.details?.items ?? [])
      .map((item) => Number(item.duration))
      .filter(Number.isFinite)
      .sort((a, b) => b - a)
      .slice(0, 3)
      .map(Math.round);
    return {
      performance: report.categories.performance?.score ?? null,
      accessibility: report.categories.accessibility?.score ?? null,
      fcpMs: audit("first-contentful-paint"),
      lcpMs: audit("largest-contentful-paint"),
      tbtMs: audit("total-blocking-time"),
      cls: audit("cumulative-layout-shift"),
      lcpElement: lcpNode?.selector ?? null,
      longTasksMs: longTasks,
    };
  } finally {
    // --keep leaves the last full report for a closer look.
    if (process.argv.includes("--keep")) console.log(`report kept in ${out}`);
    else await rm(folder, { recursive: true, force: true });
  }
}

function median(values: Array<number | null>): number | null {
  const sorted = values.filter((v): v is number => v !== null).sort((a, b) => a - b);
  if (sorted.length === 0) return null;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[mid] ?? null)
    : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

function all(name: string): string[] {
  return process.argv.flatMap((value, i) =>
    process.argv[i - 1] === name && value !== undefined ? [value] : [],
  );
}

function argument(name: string, fallback: string): string {
  const index = process.argv.indexOf(name);
  return index >= 0 ? (process.argv[index + 1] ?? fallback) : fallback;
}

async function main() {
  const runs = Number(argument("--runs", "3"));
  const given = all("--path");
  const paths = given.length > 0 ? given : ["/", "/cart/", "/checkout/"];
  const dist = await mkdtemp(join(tmpdir(), "camslide-lh-dist-"));
  let server: Server | undefined;
  try {
    console.log("building the storefront…");
    await run(
      process.execPath,
      [join(root, "node_modules/astro/bin/astro.mjs"), "build"],
      { CAMSLIDE_DIST_DIR: dist, ASTRO_TELEMETRY_DISABLED: "1" },
      300_000,
    );
    const port = await findFreePort();
    server = await serveStatic(dist, port, "127.0.0.1");
    const pages = [];
    for (const path of paths) {
      const url = `http://127.0.0.1:${port}${path}`;
      const results: Run[] = [];
      for (let i = 0; i < runs; i++) {
        const result = await lighthouseRun(url);
        console.log(`${path} run ${i + 1}/${runs}: ${JSON.stringify(result)}`);
        results.push(result);
      }
      const summary = {
        path,
        runs: results,
        median: {
          performance: median(results.map((r) => r.performance)),
          accessibility: median(results.map((r) => r.accessibility)),
          fcpMs: median(results.map((r) => r.fcpMs)),
          lcpMs: median(results.map((r) => r.lcpMs)),
          tbtMs: median(results.map((r) => r.tbtMs)),
          cls: median(results.map((r) => r.cls)),
        },
      };
      console.log(`${path} median: ${JSON.stringify(summary.median)}`);
      pages.push(summary);
    }
    await mkdir(join(root, "bench", "results"), { recursive: true });
    await writeFile(
      join(root, "bench", "results", "lighthouse.json"),
      `${JSON.stringify(
        {
          measuredAt: new Date().toISOString(),
          // Other work on the machine slows a mobile-throttled run: recorded beside the figures.
          loadAverage: (await readFile("/proc/loadavg", "utf8").catch(() => "")).trim(),
          pages,
        },
        null,
        2,
      )}\n`,
    );
  } finally {
    await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
    await rm(dist, { recursive: true, force: true });
  }
}

await main();
