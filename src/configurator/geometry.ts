/**
 * The cover's three.js geometry, built only from the product definition (millimetres; one scene
 * unit is one millimetre). Pure and memoised per fit: the browser island and the Node GLB
 * generator call the same functions.
 *
 * Axes: X along the rail (camera window towards -X), Y up out of the device, Z across the rail.
 */
import { type BufferGeometry, CylinderGeometry, ExtrudeGeometry, Path, Shape } from "three";
import { mergeGeometries } from "three/examples/jsm/utils/BufferGeometryUtils.js";
import { type FitKey, type FitSpec, fits, windowCentreMm } from "../product/index.ts";
import {
  type Circle,
  type CoverLayers,
  coverLayers,
  type RoundedRect,
  railOutline,
  sliderOutline,
  slotOutline,
} from "./outline.ts";

/** Segments per quarter circle; enough for a smooth silhouette at product-shot sizes. */
export const CURVE_SEGMENTS = 12;
/** Segments around the camera window and the magnet. */
export const CIRCLE_SEGMENTS = 40;

export interface CoverGeometry {
  /** Wall and floor (with the window), one geometry so the rail is one draw call. */
  rail: BufferGeometry;
  /** The slider centred on X = 0, with a hole for the magnet; move its mesh along X. */
  slider: BufferGeometry;
  /** The magnet disc, centred on X = 0 like the slider, filling the slider's hole. */
  magnet: BufferGeometry;
  layers: CoverLayers;
}

function tracePath(path: Path, rect: RoundedRect): void {
  const r = rect.radiusMm;
  const x0 = rect.centreXMm - rect.lengthMm / 2;
  const x1 = rect.centreXMm + rect.lengthMm / 2;
  const y0 = -rect.widthMm / 2;
  const y1 = rect.widthMm / 2;
  const h = Math.PI / 2;
  path.moveTo(x0 + r, y0);
  if (x1 - r > x0 + r) path.lineTo(x1 - r, y0);
  path.absarc(x1 - r, y0 + r, r, -h, 0, false);
  if (y1 - r > y0 + r) path.lineTo(x1, y1 - r);
  path.absarc(x1 - r, y1 - r, r, 0, h, false);
  if (x0 + r < x1 - r) path.lineTo(x0 + r, y1);
  path.absarc(x0 + r, y1 - r, r, h, 2 * h, false);
  if (y0 + r < y1 - r) path.lineTo(x0, y0 + r);
  path.absarc(x0 + r, y0 + r, r, 2 * h, 3 * h, false);
}

function roundedRectShape(rect: RoundedRect): Shape {
  const shape = new Shape();
  tracePath(shape, rect);
  return shape;
}

function roundedRectHole(rect: RoundedRect): Path {
  const path = new Path();
  tracePath(path, rect);
  return path;
}

function circleHole(circle: Circle): Path {
  const path = new Path();
  path.absarc(circle.centreXMm, 0, circle.diameterMm / 2, 0, Math.PI * 2, true);
  return path;
}

/** Extrudes a shape drawn in X/Y upwards (+Y) by `depthMm`, its bottom at `baseMm`. */
function extrudeUp(shape: Shape, depthMm: number, baseMm: number, curveSegments: number) {
  const geometry = new ExtrudeGeometry(shape, {
    depth: depthMm,
    bevelEnabled: false,
    curveSegments,
  });
  // Shape X/Y becomes X/-Z; extrusion along +Z becomes +Y.
  geometry.rotateX(-Math.PI / 2);
  geometry.translate(0, baseMm, 0);
  return geometry;
}

/** Builds the cover for one fit. Prefer `coverGeometryFor`, which memoises. */
export function buildCoverGeometry(fit: FitSpec): CoverGeometry {
  const layers = coverLayers(fit);
  const slot = slotOutline(fit);

  const wallShape = roundedRectShape(railOutline(fit));
  wallShape.holes.push(roundedRectHole(slot));
  const wall = extrudeUp(wallShape, layers.totalMm, 0, CURVE_SEGMENTS);

  const floorShape = roundedRectShape(slot);
  const windowCircle = { centreXMm: windowCentreMm(fit), diameterMm: fit.windowDiameterMm };
  floorShape.holes.push(circleHole(windowCircle));
  const floor = extrudeUp(floorShape, layers.floorMm, 0, CIRCLE_SEGMENTS / 4);

  const rail = mergeGeometries([wall, floor]);
  wall.dispose();
  floor.dispose();
  if (!rail) throw new Error("Camslide: the rail's wall and floor could not be merged.");
  rail.computeBoundingBox();

  const sliderRect = { ...sliderOutline(fit, 0), centreXMm: 0 };
  const sliderShape = roundedRectShape(sliderRect);
  sliderShape.holes.push(circleHole({ centreXMm: 0, diameterMm: fit.magnetDiameterMm }));
  const slider = extrudeUp(sliderShape, layers.sliderMm, layers.floorMm, CIRCLE_SEGMENTS / 4);
  slider.computeBoundingBox();

  const magnetRadius = fit.magnetDiameterMm / 2;
  const magnet = new CylinderGeometry(magnetRadius, magnetRadius, layers.sliderMm, CIRCLE_SEGMENTS);
  magnet.translate(0, layers.floorMm + layers.sliderMm / 2, 0);
  magnet.computeBoundingBox();

  return { rail, slider, magnet, layers };
}

const memo = new Map<FitKey, CoverGeometry>();

/** The cover geometry for a fit, built once per fit and shared (do not dispose it). */
export function coverGeometryFor(fit: FitKey): CoverGeometry {
  let found = memo.get(fit);
  if (!found) {
    found = buildCoverGeometry(fits[fit]);
    memo.set(fit, found);
  }
  return found;
}

export function triangleCount(geometry: BufferGeometry): number {
  const index = geometry.getIndex();
  const position = geometry.getAttribute("position");
  return Math.floor((index ? index.count : position.count) / 3);
}
