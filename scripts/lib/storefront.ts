import { createReadStream } from "node:fs";
import { readFile, stat, writeFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import { extname, join, normalize, sep } from "node:path";
import { promisify } from "node:util";
import { gzip } from "node:zlib";
import { repoRoot } from "./backend.ts";
import { framingHeaders, type RetailerOrigins } from "./framing.ts";
import { runNode } from "./processes.ts";
import { treeHash } from "./tree-hash.ts";

const astroCli = join(repoRoot, "node_modules", "astro", "bin", "astro.mjs");
const BUILD_STAMP = ".camslide-build";

export interface StorefrontBuildEnv {
  backendUrl: string;
  publishableKey: string;
  siteUrl: string;
  /** Where the static site is written: each data folder has its own, built with its key. */
  outDir: string;
}

/** Builds the static storefront unless the sources and the baked-in values are unchanged. */
export async function buildStorefront(
  values: StorefrontBuildEnv,
  logFile: string,
): Promise<"built" | "up to date"> {
  const baked = [values.backendUrl, values.publishableKey, values.siteUrl, values.outDir];
  const hash = await treeHash(
    repoRoot,
    ["src", "public", "astro.config.mjs", "package-lock.json", "tsconfig.json"],
    baked,
  );
  const stamp = await readFile(join(values.outDir, BUILD_STAMP), "utf8").catch(() => "");
  if (stamp.trim() === hash) return "up to date";
  await runNode(astroCli, ["build"], {
    cwd: repoRoot,
    env: {
      ...process.env,
      ASTRO_TELEMETRY_DISABLED: "1",
      PUBLIC_MEDUSA_BACKEND_URL: values.backendUrl,
      PUBLIC_MEDUSA_PUBLISHABLE_KEY: values.publishableKey,
      CAMSLIDE_SITE_URL: values.siteUrl,
      CAMSLIDE_DIST_DIR: values.outDir,
    },
    logFile,
  });
  await writeFile(join(values.outDir, BUILD_STAMP), `${hash}\n`);
  return "built";
}

/**
 * A plain build of the static site into `outDir` (no Medusa values baked in), as tests and
 * benchmarks of the pages need it; its log goes beside the folder.
 */
export async function buildSiteInto(outDir: string): Promise<void> {
  await runNode(astroCli, ["build"], {
    cwd: repoRoot,
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: "1", CAMSLIDE_DIST_DIR: outDir },
    logFile: `${outDir}.build.log`,
  });
}

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".webp": "image/webp",
  ".avif": "image/avif",
  ".ico": "image/x-icon",
  ".glb": "model/gltf-binary",
  ".wasm": "application/wasm",
  ".txt": "text/plain; charset=utf-8",
  ".xml": "application/xml",
  ".woff2": "font/woff2",
};

const COMPRESSIBLE = new Set([".html", ".js", ".mjs", ".css", ".json", ".svg", ".txt", ".xml"]);
const gzipAsync = promisify(gzip);

/**
 * Gzipped copies of text files, made once per file version: the site's JavaScript is most of
 * what a phone downloads, and gzip takes it to about a third (Lighthouse mobile went from
 * about 0.81 to 0.94-0.97 with it).
 */
const gzipped = new Map<string, { mtimeMs: number; body: Buffer }>();

async function gzippedFile(path: string, mtimeMs: number): Promise<Buffer> {
  const cached = gzipped.get(path);
  if (cached && cached.mtimeMs === mtimeMs) return cached.body;
  const body = await gzipAsync(await readFile(path), { level: 9 });
  gzipped.set(path, { mtimeMs, body });
  return body;
}

async function resolveFile(root: string, urlPath: string): Promise<string | undefined> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  const path = normalize(join(root, decoded));
  if (path !== root && !path.startsWith(root + sep)) return undefined;
  for (const candidate of [path, join(path, "index.html"), `${path}.html`]) {
    const info = await stat(candidate).catch(() => undefined);
    if (info?.isFile()) return candidate;
  }
  return undefined;
}

/** The "page not found" in the language of the URL (/fr/…, /de/…), English otherwise. */
async function notFoundPage(root: string, pathname: string): Promise<string> {
  const language = /^\/(fr|de)\//.exec(pathname)?.[1];
  if (language) {
    const localised = await resolveFile(root, `/${language}/404`);
    if (localised) return localised;
  }
  return join(root, "404.html");
}

/**
 * Serves the built storefront: files as they are, `/x/` as `/x/index.html`, the site's own
 * 404 page for anything else. Hashed assets under /_astro/ are cached for a year.
 */
export function serveStatic(
  root: string,
  port: number,
  host = "0.0.0.0",
  /** Registered origins per retailer, for the widget iframe's frame-ancestors (framing.ts). */
  retailerOrigins?: RetailerOrigins,
): Promise<Server> {
  const server = createServer(async (request, response) => {
    if (request.method !== "GET" && request.method !== "HEAD") {
      response.writeHead(405, { allow: "GET, HEAD" }).end();
      return;
    }
    const url = new URL(request.url ?? "/", "http://localhost");
    const { pathname } = url;
    const file = await resolveFile(root, pathname);
    const status = file ? 200 : 404;
    const body = file ?? (await notFoundPage(root, pathname));
    const info = await stat(body).catch(() => undefined);
    if (!info?.isFile()) {
      response
        .writeHead(404, {
          "content-type": "text/plain; charset=utf-8",
          ...(await framingHeaders(url, retailerOrigins, false)),
        })
        .end("Not found");
      return;
    }
    const headers: Record<string, string> = {
      "content-type": TYPES[extname(body)] ?? "application/octet-stream",
      "cache-control": pathname.startsWith("/_astro/")
        ? "public, max-age=31536000, immutable"
        : "no-cache",
      "x-content-type-options": "nosniff",
      vary: "accept-encoding",
      ...(await framingHeaders(url, retailerOrigins, status === 200)),
    };
    const acceptsGzip = /\bgzip\b/.test(String(request.headers["accept-encoding"] ?? ""));
    if (acceptsGzip && COMPRESSIBLE.has(extname(body))) {
      const compressed = await gzippedFile(body, info.mtimeMs);
      response.writeHead(status, {
        ...headers,
        "content-encoding": "gzip",
        "content-length": String(compressed.length),
      });
      response.end(request.method === "HEAD" ? undefined : compressed);
      return;
    }
    response.writeHead(status, { ...headers, "content-length": String(info.size) });
    if (request.method === "HEAD") response.end();
    else createReadStream(body).pipe(response);
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve(server));
  });
}
