import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { getBounds, WebIO } from "@gltf-transform/core";
import { ALL_EXTENSIONS, KHRMaterialsVariants } from "@gltf-transform/extensions";
import { MeshoptDecoder } from "meshoptimizer";
import { describe, expect, it } from "vitest";
import { colourKeys, fitKeys, fits } from "../../src/product/index.ts";

const modelsDir = join(import.meta.dirname, "..", "..", "models");
const GLB_BUDGET_BYTES = 30_000;

async function load(fit: string) {
  await MeshoptDecoder.ready;
  const bytes = await readFile(join(modelsDir, `${fit}.glb`));
  const io = new WebIO()
    .registerExtensions(ALL_EXTENSIONS)
    .registerDependencies({ "meshopt.decoder": MeshoptDecoder });
  return { bytes, document: await io.readBinary(new Uint8Array(bytes)) };
}

describe.each(fitKeys)("models/%s.glb", (key) => {
  it("is within the size budget and uses meshopt compression", async () => {
    const { bytes, document } = await load(key);
    expect(bytes.byteLength).toBeLessThanOrEqual(GLB_BUDGET_BYTES);
    const used = document
      .getRoot()
      .listExtensionsUsed()
      .map((e) => e.extensionName);
    expect(used).toContain("EXT_meshopt_compression");
  });

  it("holds the rail at the definition's size in metres, with the slider and magnet", async () => {
    const { document } = await load(key);
    const nodes = document.getRoot().listNodes();
    const rail = nodes.find((n) => n.getName() === "rail");
    expect(rail).toBeDefined();
    expect(nodes.map((n) => n.getName())).toEqual(expect.arrayContaining(["slider", "magnet"]));
    if (!rail) return;
    const { min, max } = getBounds(rail);
    const fit = fits[key];
    // Quantized positions: allow 0.5 % of the size.
    expect((max[0] ?? 0) - (min[0] ?? 0)).toBeCloseTo(fit.rail.lengthMm / 1000, 4);
    expect((max[2] ?? 0) - (min[2] ?? 0)).toBeCloseTo(fit.rail.widthMm / 1000, 4);
    expect((max[1] ?? 0) - (min[1] ?? 0)).toBeCloseTo(fit.rail.thicknessMm / 1000, 4);
  });

  it("offers every colour as a material variant", async () => {
    const { document } = await load(key);
    const extension = document
      .getRoot()
      .listExtensionsUsed()
      .find((e): e is KHRMaterialsVariants => e instanceof KHRMaterialsVariants);
    expect(extension?.listVariants().map((v) => v.getName())).toEqual(colourKeys);
  });
});
