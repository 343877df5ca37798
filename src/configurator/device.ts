/**
 * The "device context" scenery: a simple slab standing for the part of each device the cover
 * sticks to, so its size reads at a glance. These are illustrative sizes of typical devices,
 * not product dimensions (those live only in src/product); the camera lens under the window is
 * placed from the definition.
 */
import type { FitKey } from "../product/index.ts";

export interface DeviceScenery {
  label: string;
  /** The slab shown: across (X) and top-to-bottom (Z), millimetres. */
  widthMm: number;
  heightMm: number;
  /** The border around the screen; the cover sits centred on the top border. */
  bezelMm: number;
  cornerRadiusMm: number;
  /** A typical front-camera lens. */
  lensDiameterMm: number;
}

export const deviceScenery = {
  laptop: {
    label: "a laptop lid",
    widthMm: 150,
    heightMm: 70,
    bezelMm: 14,
    cornerRadiusMm: 6,
    lensDiameterMm: 2.5,
  },
  phone: {
    label: "a phone",
    widthMm: 72,
    heightMm: 60,
    bezelMm: 10,
    cornerRadiusMm: 10,
    lensDiameterMm: 2,
  },
  tablet: {
    label: "a tablet",
    widthMm: 120,
    heightMm: 70,
    bezelMm: 12,
    cornerRadiusMm: 9,
    lensDiameterMm: 2.2,
  },
  monitor: {
    label: "a monitor bezel",
    widthMm: 220,
    heightMm: 90,
    bezelMm: 18,
    cornerRadiusMm: 3,
    lensDiameterMm: 3.5,
  },
} as const satisfies Record<FitKey, DeviceScenery>;

export const DEVICE_HEX = "#2b2d31";
export const SCREEN_HEX = "#17324d";
export const LENS_HEX = "#050608";

/** Where the slab's centre sits relative to the cover (the cover is at the origin). */
export function deviceCentreZMm(device: DeviceScenery): number {
  return device.heightMm / 2 - device.bezelMm / 2;
}
