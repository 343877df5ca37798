/**
 * Materials per colour, from the definition's PBR values. Memoised: switching colour swaps a
 * material reference (no shader recompile after the first use of a finish).
 */
import { MeshStandardMaterial } from "three";
import { type ColourKey, colours } from "../product/index.ts";

/** The magnet: a nickel-plated neodymium disc, the same in every colour. */
export const MAGNET_HEX = "#b8bbbf";

const bodyMemo = new Map<ColourKey, MeshStandardMaterial>();
let magnetMaterial: MeshStandardMaterial | undefined;

export function bodyMaterialFor(colour: ColourKey): MeshStandardMaterial {
  let found = bodyMemo.get(colour);
  if (!found) {
    const spec = colours[colour];
    found = new MeshStandardMaterial({
      name: `camslide-${colour}`,
      color: spec.hex,
      roughness: spec.roughness,
      metalness: spec.metalness,
    });
    bodyMemo.set(colour, found);
  }
  return found;
}

export function magnetMaterialFor(): MeshStandardMaterial {
  magnetMaterial ??= new MeshStandardMaterial({
    name: "camslide-magnet",
    color: MAGNET_HEX,
    roughness: 0.25,
    metalness: 1,
  });
  return magnetMaterial;
}
