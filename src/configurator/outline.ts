/**
 * 2D outlines of the cover, in millimetres, derived only from the product definition. Shared by
 * the three.js geometry (extruded), the SVG poster (drawn) and the tests. X runs along the rail
 * (0 at the rail's centre, the camera window towards -X), Y across it.
 */
import { type FitSpec, sliderCentreMm, windowCentreMm } from "../product/index.ts";

export interface RoundedRect {
  centreXMm: number;
  lengthMm: number;
  widthMm: number;
  radiusMm: number;
}

export interface Circle {
  centreXMm: number;
  diameterMm: number;
}

export interface CoverOutline {
  /** The rail's outside edge. */
  rail: RoundedRect;
  /** The slot inside the rail's wall in which the slider rides. */
  slot: RoundedRect;
  /** The camera window through the rail's floor. */
  window: Circle;
  /** The slider at the given opening. */
  slider: RoundedRect;
  /** The magnet set into the slider. */
  magnet: Circle;
}

/** A corner radius can never exceed half the shorter side (a stadium). */
function radius(lengthMm: number, widthMm: number, wanted: number): number {
  return Math.max(0, Math.min(wanted, lengthMm / 2, widthMm / 2));
}

export function railOutline(fit: FitSpec): RoundedRect {
  const { lengthMm, widthMm, cornerRadiusMm } = fit.rail;
  return { centreXMm: 0, lengthMm, widthMm, radiusMm: radius(lengthMm, widthMm, cornerRadiusMm) };
}

export function slotOutline(fit: FitSpec): RoundedRect {
  const { lengthMm, widthMm, cornerRadiusMm, wallMm } = fit.rail;
  const l = lengthMm - 2 * wallMm;
  const w = widthMm - 2 * wallMm;
  return { centreXMm: 0, lengthMm: l, widthMm: w, radiusMm: radius(l, w, cornerRadiusMm - wallMm) };
}

export function sliderOutline(fit: FitSpec, opening: number): RoundedRect {
  const { lengthMm, widthMm } = fit.slider;
  // The slider follows the slot's rounding so that, closed, it sits snugly in the slot's end.
  const slot = slotOutline(fit);
  return {
    centreXMm: sliderCentreMm(fit, opening),
    lengthMm,
    widthMm,
    radiusMm: radius(lengthMm, widthMm, slot.radiusMm),
  };
}

export function coverOutline(fit: FitSpec, opening: number): CoverOutline {
  const slider = sliderOutline(fit, opening);
  return {
    rail: railOutline(fit),
    slot: slotOutline(fit),
    window: { centreXMm: windowCentreMm(fit), diameterMm: fit.windowDiameterMm },
    slider,
    magnet: { centreXMm: slider.centreXMm, diameterMm: fit.magnetDiameterMm },
  };
}

/**
 * The layer heights (Y up, 0 at the face that sticks to the device): the rail's floor carries
 * the window, and the slider lies on the floor inside the wall, flush with the wall's top.
 */
export interface CoverLayers {
  floorMm: number;
  totalMm: number;
  sliderMm: number;
}

export function coverLayers(fit: FitSpec): CoverLayers {
  const totalMm = fit.rail.thicknessMm;
  const sliderMm = fit.slider.thicknessMm;
  return { floorMm: totalMm - sliderMm, totalMm, sliderMm };
}

/** An SVG path for a rounded rectangle (Y across the rail, as drawn from above). */
export function roundedRectPath(rect: RoundedRect): string {
  const r = rect.radiusMm;
  const x0 = rect.centreXMm - rect.lengthMm / 2;
  const x1 = rect.centreXMm + rect.lengthMm / 2;
  const y0 = -rect.widthMm / 2;
  const y1 = rect.widthMm / 2;
  const n = (v: number) => Number(v.toFixed(3));
  return [
    `M${n(x0 + r)} ${n(y0)}`,
    `H${n(x1 - r)}`,
    `A${n(r)} ${n(r)} 0 0 1 ${n(x1)} ${n(y0 + r)}`,
    `V${n(y1 - r)}`,
    `A${n(r)} ${n(r)} 0 0 1 ${n(x1 - r)} ${n(y1)}`,
    `H${n(x0 + r)}`,
    `A${n(r)} ${n(r)} 0 0 1 ${n(x0)} ${n(y1 - r)}`,
    `V${n(y0 + r)}`,
    `A${n(r)} ${n(r)} 0 0 1 ${n(x0 + r)} ${n(y0)}`,
    "Z",
  ].join(" ");
}
