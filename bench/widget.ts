/**
 * The retailer widget's figures for bench:configurator: the loader's and the lazily loaded
 * island's JS (gzip), the time from the element scrolling into view to its first 3D frame,
 * and how many WebGL canvases two widgets hold once the first has scrolled away.
 */
import { mkdir, mkdtemp, readFile, writeFile } from "node:fs/promises";
import type { Server } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import type { Browser } from "playwright-core";
import { findFreePort } from "../scripts/lib/ports.ts";
import { serveStatic } from "../scripts/lib/storefront.ts";

export interface WidgetFigures {
  loaderGzipBytes: number;
  loaderFiles: string[];
  islandGzipBytes: number;
  islandFiles: string[];
  timeFromScrolledIntoViewToFirstFrameMs: number;
  canvasesAfterScrollingToSecondWidget: { immediately: number; after4s: number };
}

async function gzipBytes(dist: string, paths: string[]): Promise<number> {
  let total = 0;
  for (const path of paths) {
    total += gzipSync(await readFile(join(dist, path)), { level: 9 }).byteLength;
  }
  return total;
}

/** A retailer page on another origin: a tall spacer, then a widget, another spacer, another. */
function hostPage(site: string): string {
  return `<!doctype html><meta charset="utf-8"><title>host</title>
<script type="module" src="${site}/embed/camslide.js"></script>
<div style="height:3000px"></div>
<camslide-configurator id="a" retailer="bench" style="width:480px"></camslide-configurator>
<div style="height:3000px"></div>
<camslide-configurator id="b" retailer="bench" fit="phone" style="width:480px"></camslide-configurator>
<div style="height:3000px"></div>`;
}

export async function measureWidget(browser: Browser, dist: string, site: string) {
  const hostDir = await mkdtemp(join(tmpdir(), "camslide-host-"));
  await mkdir(hostDir, { recursive: true });
  await writeFile(join(hostDir, "index.html"), hostPage(site));
  const port = await findFreePort();
  const server: Server = await serveStatic(hostDir, port, "127.0.0.1");
  try {
    const context = await browser.newContext({ viewport: { width: 1000, height: 800 } });
    const page = await context.newPage();
    const requested: string[] = [];
    page.on("request", (request) => {
      const url = new URL(request.url());
      if (url.origin === site && url.pathname.endsWith(".js")) requested.push(url.pathname);
    });
    // Host on localhost, shop on 127.0.0.1: two origins, as on a retailer's site.
    await page.goto(`http://localhost:${port}/`, { waitUntil: "load" });
    await page.waitForTimeout(1500);
    const loaderFiles = [...new Set(requested)];
    await page.evaluate(() => {
      const ready = new Promise<number>((resolve) =>
        document.getElementById("a")?.addEventListener("camslide:ready", (event) => {
          if ((event as CustomEvent<{ view: string }>).detail.view === "3d") {
            resolve(performance.now());
          }
        }),
      );
      Object.assign(window, { __ready: ready, __scrolledAt: performance.now() });
      document.getElementById("a")?.scrollIntoView();
    });
    const firstFrameMs = await page.evaluate(async () => {
      const w = window as unknown as { __ready: Promise<number>; __scrolledAt: number };
      return Math.round((await w.__ready) - w.__scrolledAt);
    });
    const islandFiles = [...new Set(requested)].filter((f) => !loaderFiles.includes(f));
    const canvases = () =>
      page.evaluate(
        () =>
          [...document.querySelectorAll("camslide-configurator")].filter((el) =>
            el.shadowRoot?.querySelector("canvas"),
          ).length,
      );
    await page.evaluate(() => document.getElementById("b")?.scrollIntoView());
    await page.waitForTimeout(500);
    const immediately = await canvases();
    await page.waitForTimeout(4000);
    const after4s = await canvases();
    await context.close();
    const rel = (files: string[]) => files.map((f) => f.replace(/^\//, ""));
    return {
      loaderGzipBytes: await gzipBytes(dist, rel(loaderFiles)),
      loaderFiles: rel(loaderFiles).sort(),
      islandGzipBytes: await gzipBytes(dist, rel(islandFiles)),
      islandFiles: rel(islandFiles).sort(),
      timeFromScrolledIntoViewToFirstFrameMs: firstFrameMs,
      canvasesAfterScrollingToSecondWidget: { immediately, after4s },
    } satisfies WidgetFigures;
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
}
