/**
 * Where the camera looks from, per fit: the cover (or its device) fills the stage at every fit,
 * seen from above and in front, and zoom stays within sensible limits.
 */
import { type FitKey, fits } from "../product/index.ts";
import { deviceCentreZMm, deviceScenery } from "./device.ts";
import { STAGE_ASPECT } from "./poster.ts";

export interface CameraFraming {
  position: [number, number, number];
  target: [number, number, number];
  minDistance: number;
  maxDistance: number;
  near: number;
  far: number;
}

/** Vertical field of view of the scene camera, degrees. */
export const FOV_DEG = 30;
const ELEVATION_RAD = (58 * Math.PI) / 180;
const AZIMUTH_RAD = (12 * Math.PI) / 180;

export function cameraFraming(fit: FitKey, device: boolean): CameraFraming {
  const spec = fits[fit];
  const scenery = deviceScenery[fit];
  const spanMm = device ? scenery.widthMm * 1.3 : spec.rail.lengthMm * 1.35;
  const targetZ = device ? deviceCentreZMm(scenery) : 0;
  const halfHorizontalFov = Math.atan(Math.tan((FOV_DEG * Math.PI) / 360) * STAGE_ASPECT);
  const distance = spanMm / 2 / Math.tan(halfHorizontalFov);
  const horizontal = distance * Math.cos(ELEVATION_RAD);
  return {
    position: [
      horizontal * Math.sin(AZIMUTH_RAD),
      distance * Math.sin(ELEVATION_RAD),
      targetZ + horizontal * Math.cos(AZIMUTH_RAD),
    ],
    target: [0, 0, targetZ],
    minDistance: distance * 0.45,
    maxDistance: distance * 2,
    near: distance / 50,
    far: distance * 10,
  };
}
