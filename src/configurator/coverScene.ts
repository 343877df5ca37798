/**
 * The cover as a three.js scene graph in metres (glTF's unit), for the GLB generator: the same
 * geometry and materials as the browser view, slider closed over the window.
 */
import { type BufferGeometry, Group, Mesh } from "three";
import { type ColourKey, type FitKey, fits, sliderCentreMm } from "../product/index.ts";
import { coverGeometryFor } from "./geometry.ts";
import { bodyMaterialFor, magnetMaterialFor } from "./materials.ts";

/** The shared geometry without texture coordinates: nothing on the cover is textured. */
function untextured(geometry: BufferGeometry): BufferGeometry {
  const copy = geometry.clone();
  copy.deleteAttribute("uv");
  return copy;
}

export function coverObject(fit: FitKey, colour: ColourKey, opening = 0): Group {
  const shared = coverGeometryFor(fit);
  const geometry = {
    rail: untextured(shared.rail),
    slider: untextured(shared.slider),
    magnet: untextured(shared.magnet),
  };
  const body = bodyMaterialFor(colour);
  const root = new Group();
  root.name = `camslide-${fit}`;
  root.scale.setScalar(0.001);
  const rail = new Mesh(geometry.rail, body);
  rail.name = "rail";
  const slider = new Group();
  slider.name = "slider";
  slider.position.x = sliderCentreMm(fits[fit], opening);
  const sliderBody = new Mesh(geometry.slider, body);
  sliderBody.name = "slider-body";
  const magnet = new Mesh(geometry.magnet, magnetMaterialFor());
  magnet.name = "magnet";
  slider.add(sliderBody, magnet);
  root.add(rail, slider);
  return root;
}
