/**
 * Writes models/<fit>.glb, one per fit, from the same geometry code as the 3D view:
 * three's GLTFExporter, then gltf-transform (weld, quantize, meshopt). Every colour is in the
 * file as a KHR_materials_variants variant; the default is the definition's default colour.
 *
 *   npm run models              write the files
 *   npm run models -- --check   exit 1 if a committed file differs from what would be written
 */
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { type Document, Logger, WebIO } from "@gltf-transform/core";
import { ALL_EXTENSIONS, KHRMaterialsVariants } from "@gltf-transform/extensions";
import { dedup, meshopt, prune, quantize, reorder, weld } from "@gltf-transform/functions";
import { MeshoptEncoder } from "meshoptimizer";
import { GLTFExporter } from "three/examples/jsm/exporters/GLTFExporter.js";
import { coverObject } from "../src/configurator/coverScene.ts";
import { bodyMaterialFor } from "../src/configurator/materials.ts";
import {
  type ColourKey,
  colourKeys,
  colours,
  defaultColour,
  type FitKey,
  fitKeys,
} from "../src/product/index.ts";

const modelsDir = join(import.meta.dirname, "..", "models");

/** GLTFExporter hands its binary to a FileReader, which Node lacks; Blob it has. */
class NodeFileReader {
  result: ArrayBuffer | string | null = null;
  onload: (() => void) | null = null;
  onloadend: (() => void) | null = null;
  readAsArrayBuffer(blob: Blob): void {
    blob.arrayBuffer().then((buffer) => {
      this.result = buffer;
      this.onload?.();
      this.onloadend?.();
    });
  }
  readAsDataURL(blob: Blob): void {
    blob.arrayBuffer().then((buffer) => {
      this.result = `data:${blob.type || "application/octet-stream"};base64,${Buffer.from(buffer).toString("base64")}`;
      this.onload?.();
      this.onloadend?.();
    });
  }
}
Object.assign(globalThis, { FileReader: NodeFileReader });

async function exportGlb(fit: FitKey): Promise<Uint8Array> {
  const exported = await new GLTFExporter().parseAsync(coverObject(fit, defaultColour), {
    binary: true,
  });
  if (!(exported instanceof ArrayBuffer)) throw new Error("GLTFExporter did not return a GLB");
  return new Uint8Array(exported);
}

/** Adds one material per colour and a variant for each, mapped onto the body's primitives. */
function addColourVariants(document: Document): void {
  const root = document.getRoot();
  const extension = document.createExtension(KHRMaterialsVariants);
  const defaultName = bodyMaterialFor(defaultColour).name;
  const bodyMaterial = root.listMaterials().find((m) => m.getName() === defaultName);
  if (!bodyMaterial) throw new Error(`no material named ${defaultName} in the export`);
  const materials = new Map<ColourKey, ReturnType<typeof document.createMaterial>>();
  for (const colour of colourKeys) {
    if (colour === defaultColour) {
      materials.set(colour, bodyMaterial);
      continue;
    }
    const spec = colours[colour];
    const source = bodyMaterialFor(colour);
    const c = source.color; // linear, as glTF wants
    materials.set(
      colour,
      document
        .createMaterial(source.name)
        .setBaseColorFactor([c.r, c.g, c.b, 1])
        .setRoughnessFactor(spec.roughness)
        .setMetallicFactor(spec.metalness),
    );
  }
  const variants = new Map(colourKeys.map((colour) => [colour, extension.createVariant(colour)]));
  for (const mesh of root.listMeshes()) {
    for (const primitive of mesh.listPrimitives()) {
      if (primitive.getMaterial() !== bodyMaterial) continue;
      const mappings = extension.createMappingList();
      for (const colour of colourKeys) {
        const material = materials.get(colour);
        const variant = variants.get(colour);
        if (!material || !variant) continue;
        mappings.addMapping(extension.createMapping().setMaterial(material).addVariant(variant));
      }
      primitive.setExtension("KHR_materials_variants", mappings);
    }
  }
}

async function buildGlb(fit: FitKey): Promise<Uint8Array> {
  await MeshoptEncoder.ready;
  const io = new WebIO()
    .registerExtensions(ALL_EXTENSIONS)
    .registerDependencies({ "meshopt.encoder": MeshoptEncoder });
  io.setLogger(new Logger(Logger.Verbosity.WARN));
  const document = await io.readBinary(await exportGlb(fit));
  document.setLogger(new Logger(Logger.Verbosity.WARN));
  document.getRoot().getAsset().generator =
    "Camslide scripts/models.ts (three GLTFExporter, glTF-Transform)";
  addColourVariants(document);
  await document.transform(
    weld(),
    dedup(),
    prune(),
    reorder({ encoder: MeshoptEncoder }),
    quantize(),
    meshopt({ encoder: MeshoptEncoder, level: "medium" }),
  );
  return io.writeBinary(document);
}

async function main(): Promise<void> {
  const check = process.argv.includes("--check");
  let stale = 0;
  for (const fit of fitKeys) {
    const path = join(modelsDir, `${fit}.glb`);
    const glb = await buildGlb(fit);
    if (check) {
      const committed = await readFile(path).catch(() => undefined);
      const same = committed !== undefined && Buffer.compare(committed, Buffer.from(glb)) === 0;
      if (!same) stale++;
      console.log(`${same ? "ok     " : "differs"} models/${fit}.glb (${glb.byteLength} bytes)`);
    } else {
      await writeFile(path, glb);
      console.log(`wrote models/${fit}.glb (${glb.byteLength} bytes)`);
    }
  }
  if (stale > 0) {
    console.error(`${stale} model(s) differ from the code: run npm run models and commit them.`);
    process.exitCode = 1;
  }
}

await main();
