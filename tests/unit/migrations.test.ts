import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const modules = join(import.meta.dirname, "../../backend/src/modules");

async function migrationNames(): Promise<{ module: string; name: string }[]> {
  const found: { module: string; name: string }[] = [];
  for (const module of await readdir(modules)) {
    const dir = join(modules, module, "migrations");
    const files = await readdir(dir).catch(() => [] as string[]);
    for (const file of files.filter((f) => f.endsWith(".ts"))) {
      const text = await readFile(join(dir, file), "utf8");
      const name = /export class (\w+) extends Migration/.exec(text)?.[1];
      expect(name, `${module}/migrations/${file} exports a Migration class`).toBe(
        file.replace(/\.ts$/, ""),
      );
      found.push({ module, name: name ?? file });
    }
  }
  return found;
}

describe("the project's migrations", () => {
  // Medusa records the migrations it ran by name, in one table for every module: a second
  // module's migration with a name already recorded is never run.
  it("each have a name no other module's migration has", async () => {
    const names = await migrationNames();
    const seen = new Map<string, string>();
    const clashes = names
      .filter(({ module, name }) => {
        const first = seen.get(name);
        seen.set(name, first ?? module);
        return first !== undefined;
      })
      .map(({ module, name }) => `${name} in ${module} and ${seen.get(name)}`);
    expect(names.length).toBeGreaterThan(0);
    expect(clashes).toEqual([]);
  });
});
