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
import { assertPortFree, findFreePort, isPortFree, readPort } from "./ports.ts";
import { serveStatic } from "./storefront.ts";

/**
 * RETAILER_DEMO_PORT when set (and then it must be free); otherwise 4322, or any free port
 * when 4322 is taken: the demo retailer is a side show and must not stop the shop.
 */
export async function retailerDemoPort(env: NodeJS.ProcessEnv): Promise<number> {
  if (env.RETAILER_DEMO_PORT?.trim()) {
    const port = readPort(env, "RETAILER_DEMO_PORT", 4322);
    await assertPortFree(port, "RETAILER_DEMO_PORT");
    return port;
  }
  return (await isPortFree(4322)) ? 4322 : findFreePort();
}

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
