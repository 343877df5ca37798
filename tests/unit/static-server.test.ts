import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import type { Server } from "node:http";
import { get } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findFreePort } from "../../scripts/lib/ports.ts";
import { serveStatic } from "../../scripts/lib/storefront.ts";

const ACME = "https://shop.acme.example";

let root: string;
let server: Server;
let base: string;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), "camslide-static-"));
  await mkdir(join(root, "about"));
  await mkdir(join(root, "_astro"));
  await writeFile(join(root, "index.html"), "<h1>home</h1>");
  await writeFile(join(root, "about", "index.html"), "<h1>about</h1>");
  await writeFile(join(root, "404.html"), "<h1>missing</h1>");
  await mkdir(join(root, "fr", "404"), { recursive: true });
  await writeFile(join(root, "fr", "404", "index.html"), "<h1>introuvable</h1>");
  await writeFile(join(root, "_astro", "app.abc123.js"), "export {}");
  await mkdir(join(root, "embed", "frame"), { recursive: true });
  await writeFile(join(root, "embed", "frame", "index.html"), "<h1>widget</h1>");
  await writeFile(join(root, "embed", "camslide.js"), "export {}");
  const port = await findFreePort();
  server = await serveStatic(root, port, "127.0.0.1", async (retailer) =>
    retailer === "acme" ? [ACME] : [],
  );
  base = `http://127.0.0.1:${port}`;
});

afterAll(async () => {
  server.close();
  await rm(root, { recursive: true, force: true });
});

describe("storefront static server", () => {
  it.each([
    ["/", 200, "home"],
    ["/about/", 200, "about"],
    ["/about", 200, "about"],
    ["/nope", 404, "missing"],
    ["/%2e%2e/%2e%2e/etc/passwd", 404, "missing"],
    ["/..%2f..%2fetc%2fpasswd", 404, "missing"],
    ["/%E0%A4%A", 404, "missing"],
    ["/fr/nope/", 404, "introuvable"],
    // No German page in this folder: the English one, still a 404.
    ["/de/nope/", 404, "missing"],
  ])("GET %s answers %i with the right page", async (path, status, text) => {
    const response = await fetch(`${base}${path}`);
    expect(response.status).toBe(status);
    expect(await response.text()).toContain(text);
  });

  it("caches hashed assets for a year and pages not at all", async () => {
    const asset = await fetch(`${base}/_astro/app.abc123.js`);
    expect(asset.headers.get("cache-control")).toContain("immutable");
    expect(asset.headers.get("content-type")).toContain("text/javascript");
    const page = await fetch(`${base}/`);
    expect(page.headers.get("cache-control")).toBe("no-cache");
  });

  it("refuses to change anything", async () => {
    const response = await fetch(`${base}/`, { method: "POST", body: "x" });
    expect(response.status).toBe(405);
  });

  it("gzips text for clients that accept it, and only for them", async () => {
    const raw = (encoding?: string) =>
      new Promise<{ headers: Record<string, unknown>; body: Buffer }>((resolve, reject) => {
        get(`${base}/`, { headers: encoding ? { "accept-encoding": encoding } : {} }, (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (c: Buffer) => chunks.push(c));
          res.on("end", () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
        }).on("error", reject);
      });
    const zipped = await raw("br, gzip");
    expect(zipped.headers["content-encoding"]).toBe("gzip");
    expect(zipped.headers.vary).toBe("accept-encoding");
    expect(gunzipSync(zipped.body).toString()).toBe("<h1>home</h1>");
    const plain = await raw();
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.body.toString()).toBe("<h1>home</h1>");
  });
});

describe("framing", () => {
  it("lets only the retailer's registered origins frame the widget page", async () => {
    const response = await fetch(`${base}/embed/frame/?retailer=acme`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-security-policy")).toBe(`frame-ancestors ${ACME}`);
  });

  it.each([
    ["/", 200],
    ["/embed/camslide.js", 200],
    ["/nope", 404],
    ["/embed/nope", 404],
    ["/embed/nope/", 404],
    ["/embed/missing.js", 404],
    ["/embed/frame/nope/?retailer=acme", 404],
    ["/embed/frame/missing.js?retailer=acme", 404],
  ])("refuses framing of %s (%i)", async (path, status) => {
    const response = await fetch(`${base}${path}`);
    expect(response.status).toBe(status);
    expect(response.headers.get("content-security-policy")).toBe("frame-ancestors 'none'");
    expect(response.headers.get("x-frame-options")).toBe("DENY");
  });
});
