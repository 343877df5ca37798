/**
 * The demo retailer's site that `npm start` serves on a port of its own (RETAILER_DEMO_PORT,
 * default 4322): demo/retailer/index.html with the shop's URL filled in. The seed registers
 * `http://localhost:<port>` for the demo retailer "acme"; the same page at 127.0.0.1 is an
 * unregistered origin, which shows the widget but credits no one.
 */
import { mkdir, readFile, writeFile } from "node:fs/promises";
import type { Server } from "node:http";
import { join } from "node:path";
import { repoRoot } from "./backend.ts";
import { serveStatic } from "./storefront.ts";

export function retailerDemoOrigins(port: number): string[] {
  return [`http://localhost:${port}`];
}

export async function serveRetailerDemo(
  outDir: string,
  port: number,
  shopUrl: string,
): Promise<Server> {
  const template = await readFile(join(repoRoot, "demo", "retailer", "index.html"), "utf8");
  await mkdir(outDir, { recursive: true });
  await writeFile(join(outDir, "index.html"), template.replaceAll("{{SHOP}}", shopUrl));
  return serveStatic(outDir, port);
}
