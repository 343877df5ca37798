import { type Box3, type BufferGeometry, Vector3 } from "three";
import { describe, expect, it } from "vitest";
import {
  buildCoverGeometry,
  coverGeometryFor,
  triangleCount,
} from "../../src/configurator/geometry.ts";
import { coverOutline } from "../../src/configurator/outline.ts";
import { fitKeys, fits, sliderCentreMm, windowCentreMm } from "../../src/product/index.ts";

const TRIANGLE_BUDGET = 3000;
const EPS = 1e-6;

function box(geometry: BufferGeometry): Box3 {
  geometry.computeBoundingBox();
  const found = geometry.boundingBox;
  if (!found) throw new Error("no bounding box");
  return found.clone();
}

function size(b: Box3): Vector3 {
  return b.getSize(new Vector3());
}

describe.each(fitKeys)("the %s cover's geometry", (key) => {
  const fit = fits[key];
  const cover = coverGeometryFor(key);

  it("has the rail's length, width and thickness from the definition", () => {
    const s = size(box(cover.rail));
    expect(s.x).toBeCloseTo(fit.rail.lengthMm, 6);
    expect(s.z).toBeCloseTo(fit.rail.widthMm, 6);
    expect(s.y).toBeCloseTo(fit.rail.thicknessMm, 6);
    expect(box(cover.rail).min.y).toBeCloseTo(0, 6);
  });

  it("has the slider's length, width and thickness, its top flush with the rail's", () => {
    const b = box(cover.slider);
    const s = size(b);
    expect(s.x).toBeCloseTo(fit.slider.lengthMm, 6);
    expect(s.z).toBeCloseTo(fit.slider.widthMm, 6);
    expect(s.y).toBeCloseTo(fit.slider.thicknessMm, 6);
    expect(b.max.y).toBeCloseTo(fit.rail.thicknessMm, 6);
  });

  it("has a magnet of the defined diameter inside the slider's thickness", () => {
    const b = box(cover.magnet);
    const s = size(b);
    expect(s.x).toBeCloseTo(fit.magnetDiameterMm, 6);
    expect(s.z).toBeCloseTo(fit.magnetDiameterMm, 6);
    expect(b.max.y).toBeLessThanOrEqual(fit.rail.thicknessMm + EPS);
    expect(b.min.y).toBeGreaterThanOrEqual(box(cover.slider).min.y - EPS);
  });

  it("stays within the triangle budget", () => {
    const total =
      triangleCount(cover.rail) + triangleCount(cover.slider) + triangleCount(cover.magnet);
    expect(total).toBeGreaterThan(100);
    expect(total).toBeLessThanOrEqual(TRIANGLE_BUDGET);
  });

  it("has finite positions and normals everywhere", () => {
    for (const g of [cover.rail, cover.slider, cover.magnet]) {
      for (const name of ["position", "normal"]) {
        const values = g.getAttribute(name).array;
        expect(Array.from(values).every(Number.isFinite)).toBe(true);
      }
    }
  });

  it.each([0, 0.25, 0.5, 0.75, 1])("keeps the slider inside the slot at opening %s", (opening) => {
    const outline = coverOutline(fit, opening);
    const b = box(cover.slider);
    const centre = sliderCentreMm(fit, opening);
    const slotHalf = outline.slot.lengthMm / 2;
    expect(b.min.x + centre).toBeGreaterThanOrEqual(-slotHalf - EPS);
    expect(b.max.x + centre).toBeLessThanOrEqual(slotHalf + EPS);
    expect(size(b).z).toBeLessThanOrEqual(outline.slot.widthMm + EPS);
  });

  it("covers the whole window when closed and none of it when open", () => {
    const half = fit.slider.lengthMm / 2;
    const w0 = windowCentreMm(fit) - fit.windowDiameterMm / 2;
    const w1 = windowCentreMm(fit) + fit.windowDiameterMm / 2;
    const closed = sliderCentreMm(fit, 0);
    expect(closed - half).toBeLessThanOrEqual(w0);
    expect(closed + half).toBeGreaterThanOrEqual(w1);
    expect(sliderCentreMm(fit, 1) - half).toBeGreaterThanOrEqual(w1);
  });

  it("builds the same geometry each time and memoises it per fit", () => {
    expect(coverGeometryFor(key)).toBe(cover);
    const again = buildCoverGeometry(fit);
    expect(Array.from(again.rail.getAttribute("position").array)).toEqual(
      Array.from(cover.rail.getAttribute("position").array),
    );
  });
});

describe("the rail's window", () => {
  it.each(fitKeys)("leaves the floor open over the camera for %s", (key) => {
    // No rail triangle covers the window's centre: cast a vertical line through it.
    const fit = fits[key];
    const { rail } = coverGeometryFor(key);
    const p = rail.getAttribute("position");
    const x = windowCentreMm(fit);
    const hit = (ax: number, az: number, bx: number, bz: number, cx: number, cz: number) => {
      const d = (bz - cz) * (ax - cx) + (cx - bx) * (az - cz);
      if (Math.abs(d) < 1e-12) return false;
      const u = ((bz - cz) * (x - cx) + (cx - bx) * (0 - cz)) / d;
      const v = ((cz - az) * (x - cx) + (ax - cx) * (0 - cz)) / d;
      return u >= 0 && v >= 0 && u + v <= 1;
    };
    let covered = 0;
    for (let i = 0; i < p.count; i += 3) {
      if (hit(p.getX(i), p.getZ(i), p.getX(i + 1), p.getZ(i + 1), p.getX(i + 2), p.getZ(i + 2)))
        covered++;
    }
    expect(covered).toBe(0);
  });
});
