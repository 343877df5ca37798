import { createHash } from "node:crypto";
import { readdir, readFile, stat } from "node:fs/promises";
import { join, relative } from "node:path";

const SKIP = new Set(["node_modules", ".medusa", "dist", ".astro", ".git", ".data"]);

async function* walk(path: string): AsyncGenerator<string> {
  const info = await stat(path).catch(() => undefined);
  if (!info) return;
  if (info.isFile()) {
    yield path;
    return;
  }
  const entries = await readdir(path, { withFileTypes: true });
  entries.sort((a, b) => a.name.localeCompare(b.name));
  for (const entry of entries) {
    if (SKIP.has(entry.name)) continue;
    yield* walk(join(path, entry.name));
  }
}

/**
 * A content hash of files and folders (node_modules and build output left out), plus any
 * extra strings that also decide the output (environment values baked into a build).
 * Used to skip a build whose inputs have not changed.
 */
export async function treeHash(root: string, paths: string[], extra: string[] = []) {
  const hash = createHash("sha256");
  for (const path of paths) {
    for await (const file of walk(join(root, path))) {
      hash.update(relative(root, file));
      hash.update("\0");
      hash.update(await readFile(file));
      hash.update("\0");
    }
  }
  for (const value of extra) hash.update(`${value}\0`);
  return hash.digest("hex");
}
