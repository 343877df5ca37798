/**
 * The four fits of the cover. Every dimension of the product lives here and nowhere else:
 * the 3D model, the GLB generator, the backend seed and the spec tables all read this file.
 *
 * Geometry (all millimetres, grams): a rounded oblong rail with a round camera window near one
 * end; a slider rides inside the rail. Closed, the slider is centred over the window; open, it
 * has moved `travelMm` towards the other end and no longer covers any of the window.
 *
 * Where the numbers come from: the rail sizes and total thicknesses are the ones proposed in
 * issue #2 (laptop 24x8x0.7, phone 18x6x0.6, tablet 20x7x0.7, monitor 30x10x1.2), which match
 * the 0.7 mm "ultra-thin" slider covers commonly sold for laptops. Slider, window, travel and
 * weights are our own design values chosen to satisfy the invariants tested in
 * tests/unit/product.test.ts; they are not measurements of a physical sample yet.
 */
export const fits = {
  laptop: {
    name: "Laptop",
    rail: { lengthMm: 24, widthMm: 8, thicknessMm: 0.7, wallMm: 1, cornerRadiusMm: 4 },
    slider: { lengthMm: 10, widthMm: 6, thicknessMm: 0.35 },
    travelMm: 8,
    windowDiameterMm: 4,
    magnetDiameterMm: 3,
    weightG: 0.4,
  },
  phone: {
    name: "Phone",
    rail: { lengthMm: 18, widthMm: 6, thicknessMm: 0.6, wallMm: 0.8, cornerRadiusMm: 3 },
    slider: { lengthMm: 7.5, widthMm: 4.4, thicknessMm: 0.3 },
    travelMm: 6,
    windowDiameterMm: 3,
    magnetDiameterMm: 2,
    weightG: 0.25,
  },
  tablet: {
    name: "Tablet",
    rail: { lengthMm: 20, widthMm: 7, thicknessMm: 0.7, wallMm: 0.9, cornerRadiusMm: 3.5 },
    slider: { lengthMm: 8.5, widthMm: 5.2, thicknessMm: 0.35 },
    travelMm: 7,
    windowDiameterMm: 3.5,
    magnetDiameterMm: 2.5,
    weightG: 0.3,
  },
  monitor: {
    name: "Monitor",
    rail: { lengthMm: 30, widthMm: 10, thicknessMm: 1.2, wallMm: 1, cornerRadiusMm: 5 },
    slider: { lengthMm: 12, widthMm: 8, thicknessMm: 0.6 },
    travelMm: 10,
    windowDiameterMm: 6,
    magnetDiameterMm: 4,
    weightG: 0.9,
  },
} as const;

export type Fit = typeof fits;
export type FitKey = keyof Fit;
export type FitSpec = Fit[FitKey];
export const fitKeys = Object.keys(fits) as [FitKey, ...FitKey[]];
export const defaultFit: FitKey = "laptop";

export function isFitKey(value: unknown): value is FitKey {
  return typeof value === "string" && Object.hasOwn(fits, value);
}

/**
 * Where, along the rail's length (0 at the rail's centre), the camera window's centre sits:
 * as close to one end as lets the closed slider stay inside the wall.
 */
export function windowCentreMm(fit: FitSpec): number {
  return -fit.rail.lengthMm / 2 + fit.rail.wallMm + fit.slider.lengthMm / 2;
}

/** The slider centre's position along the rail for an opening between 0 (closed) and 1 (open). */
export function sliderCentreMm(fit: FitSpec, opening: number): number {
  const clamped = Math.min(1, Math.max(0, opening));
  return windowCentreMm(fit) + clamped * fit.travelMm;
}
