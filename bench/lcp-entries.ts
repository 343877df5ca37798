/**
 * node bench/lcp-entries.ts <dist folder> [path]: serves an already built storefront and prints,
 * for a phone-sized page in Chromium, every paint and largest-contentful-paint entry with its
 * element, so one can see what the LCP is and when it lands (unthrottled, observed times).
 */
import { chromium } from "playwright-core";
import { findFreePort } from "../scripts/lib/ports.ts";
import { serveStatic } from "../scripts/lib/storefront.ts";
import { chromiumLaunchOptions } from "../tests/support/chromium.ts";

const [dist, path = "/"] = process.argv.slice(2);
if (!dist) throw new Error("usage: node bench/lcp-entries.ts <dist folder> [path]");
const port = await findFreePort();
const server = await serveStatic(dist, port, "127.0.0.1");
const browser = await chromium.launch({ ...chromiumLaunchOptions(), headless: true });
try {
  for (let i = 0; i < 3; i++) {
    const context = await browser.newContext({
      viewport: { width: 412, height: 823 },
      deviceScaleFactor: 1.75,
      isMobile: true,
    });
    const page = await context.newPage();
    // Lighthouse's mobile profile slows the CPU four times; do the same so the order of paints
    // and script work resembles what it sees.
    const cdp = await context.newCDPSession(page);
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
    await page.addInitScript(() => {
      const seen: string[] = [];
      Object.assign(window, { __entries: seen });
      const describe = (node: Element | null | undefined) =>
        node ? `${node.tagName.toLowerCase()}.${node.className}` : "-";
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) {
          const element = (e as PerformanceEntry & { element?: Element }).element;
          const size = (e as PerformanceEntry & { size?: number }).size ?? 0;
          seen.push(`${e.entryType} ${Math.round(e.startTime)} ${describe(element)} ${size}`);
        }
      }).observe({ type: "largest-contentful-paint", buffered: true });
      new PerformanceObserver((list) => {
        for (const e of list.getEntries())
          seen.push(`${e.entryType} ${e.name} ${Math.round(e.startTime)}`);
      }).observe({ type: "paint", buffered: true });
      new PerformanceObserver((list) => {
        for (const e of list.getEntries())
          seen.push(`longtask ${Math.round(e.startTime)} +${Math.round(e.duration)}`);
      }).observe({ type: "longtask", buffered: true });
    });
    await page.goto(`http://127.0.0.1:${port}${path}`, { waitUntil: "load" });
    await page.waitForTimeout(2500);
    const entries = await page.evaluate(
      () => (window as unknown as { __entries: string[] }).__entries,
    );
    console.log(`run ${i + 1}:\n  ${entries.join("\n  ")}`);
    await context.close();
  }
} finally {
  await browser.close();
  server.close();
}
