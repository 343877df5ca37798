/** Geometry for the "device context" scenery (see device.ts), memoised per fit. */
import {
  type BufferGeometry,
  CircleGeometry,
  ExtrudeGeometry,
  MeshStandardMaterial,
  PlaneGeometry,
  Shape,
} from "three";
import { type FitKey, fits, windowCentreMm } from "../product/index.ts";
import { DEVICE_HEX, deviceCentreZMm, deviceScenery, LENS_HEX, SCREEN_HEX } from "./device.ts";

export interface DeviceGeometry {
  slab: BufferGeometry;
  screen: BufferGeometry;
  lens: BufferGeometry;
}

const SLAB_DEPTH_MM = 4;
/** The slab's face sits just below the cover's underside, so the two never fight for depth. */
const FACE_Y_MM = -0.05;

const memo = new Map<FitKey, DeviceGeometry>();

export function deviceGeometryFor(fit: FitKey): DeviceGeometry {
  const found = memo.get(fit);
  if (found) return found;
  const d = deviceScenery[fit];
  const centreZ = deviceCentreZMm(d);
  const w = d.widthMm / 2;
  const h = d.heightMm / 2;
  const r = d.cornerRadiusMm;
  const shape = new Shape();
  shape.moveTo(-w + r, -h);
  shape.lineTo(w - r, -h);
  shape.absarc(w - r, -h + r, r, -Math.PI / 2, 0, false);
  shape.lineTo(w, h - r);
  shape.absarc(w - r, h - r, r, 0, Math.PI / 2, false);
  shape.lineTo(-w + r, h);
  shape.absarc(-w + r, h - r, r, Math.PI / 2, Math.PI, false);
  shape.lineTo(-w, -h + r);
  shape.absarc(-w + r, -h + r, r, Math.PI, Math.PI * 1.5, false);
  const slab = new ExtrudeGeometry(shape, {
    depth: SLAB_DEPTH_MM,
    bevelEnabled: false,
    curveSegments: 6,
  });
  slab.rotateX(-Math.PI / 2);
  slab.translate(0, FACE_Y_MM - SLAB_DEPTH_MM, centreZ);

  const screenW = d.widthMm - d.bezelMm * 1.2;
  const screenH = d.heightMm - d.bezelMm * 1.3;
  const screen = new PlaneGeometry(screenW, screenH);
  screen.rotateX(-Math.PI / 2);
  screen.translate(0, FACE_Y_MM + 0.01, d.bezelMm / 2 + screenH / 2);

  const lens = new CircleGeometry(d.lensDiameterMm / 2, 24);
  lens.rotateX(-Math.PI / 2);
  lens.translate(windowCentreMm(fits[fit]), FACE_Y_MM + 0.01, 0);

  const geometry = { slab, screen, lens };
  memo.set(fit, geometry);
  return geometry;
}

let materials:
  | { slab: MeshStandardMaterial; screen: MeshStandardMaterial; lens: MeshStandardMaterial }
  | undefined;

export function deviceMaterials() {
  materials ??= {
    slab: new MeshStandardMaterial({ color: DEVICE_HEX, roughness: 0.6, metalness: 0.2 }),
    screen: new MeshStandardMaterial({ color: SCREEN_HEX, roughness: 0.15, metalness: 0 }),
    lens: new MeshStandardMaterial({ color: LENS_HEX, roughness: 0.05, metalness: 0 }),
  };
  return materials;
}
