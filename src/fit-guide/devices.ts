/**
 * A small catalogue of real devices with the Camslide fit that suits each and the cautions that
 * apply. Device names are proper names and stay untranslated; the cautions are keys into the
 * i18n catalogues (`fitGuide.warning.<key>`).
 *
 * Sources: each entry names the manufacturer's page (or Apple's support article) the fit and
 * caution rest on. They were written from those pages as known at the time of writing and were
 * NOT re-fetched from this closed build network; re-check them before relying on a detail.
 */
import type { FitKey } from "../product/index.ts";

/** Why a cover may need care on a device. */
export const warningKeys = [
  // Apple: no cover thicker than 0.1 mm on a Mac notebook with the lid closed (HT211148).
  "apple-lid",
  // Ambient light, IR (Windows Hello), Face ID / TrueDepth or proximity sensors beside the camera.
  "sensors",
  // The front camera sits in a cut-out inside the screen: the rail would rest on the display.
  "in-display",
  // Many configurations ship with a built-in shutter or a pop-up camera.
  "built-in-shutter",
] as const;
export type WarningKey = (typeof warningKeys)[number];

export interface Device {
  /** Stable id, lowercase with dashes. */
  id: string;
  /** The model name as the maker writes it. */
  name: string;
  /** Other names shoppers type for it. */
  aliases?: readonly string[];
  fit: FitKey;
  warnings: readonly WarningKey[];
  /** Manufacturer page or support article this entry rests on (not re-fetched; see above). */
  source: string;
}

const APPLE_LID = "https://support.apple.com/en-us/HT211148";

export const devices = [
  // Mac notebooks: Apple's article covers all of them (lid closed, and the ambient light sensor
  // beside the camera that drives auto-brightness and True Tone).
  {
    id: "macbook-air-13-m1",
    name: "MacBook Air 13-inch (M1, 2020)",
    aliases: ["macbook air m1"],
    fit: "laptop",
    warnings: ["apple-lid", "sensors"],
    source: APPLE_LID,
  },
  {
    id: "macbook-air-13-m2",
    name: "MacBook Air 13-inch (M2, 2022)",
    aliases: ["macbook air m2"],
    fit: "laptop",
    warnings: ["apple-lid", "sensors"],
    source: APPLE_LID,
  },
  {
    id: "macbook-air-13-m3",
    name: "MacBook Air 13-inch (M3, 2024)",
    aliases: ["macbook air m3"],
    fit: "laptop",
    warnings: ["apple-lid", "sensors"],
    source: APPLE_LID,
  },
  {
    id: "macbook-air-15-m3",
    name: "MacBook Air 15-inch (M3, 2024)",
    fit: "laptop",
    warnings: ["apple-lid", "sensors"],
    source: APPLE_LID,
  },
  {
    id: "macbook-air-13-m4",
    name: "MacBook Air 13-inch (M4, 2025)",
    aliases: ["macbook air m4"],
    fit: "laptop",
    warnings: ["apple-lid", "sensors"],
    source: APPLE_LID,
  },
  {
    id: "macbook-pro-13-m2",
    name: "MacBook Pro 13-inch (M2, 2022)",
    fit: "laptop",
    warnings: ["apple-lid", "sensors"],
    source: APPLE_LID,
  },
  {
    id: "macbook-pro-14-m3",
    name: "MacBook Pro 14-inch (M3, 2023)",
    fit: "laptop",
    warnings: ["apple-lid", "sensors"],
    source: APPLE_LID,
  },
  {
    id: "macbook-pro-14-m4",
    name: "MacBook Pro 14-inch (M4, 2024)",
    fit: "laptop",
    warnings: ["apple-lid", "sensors"],
    source: APPLE_LID,
  },
  {
    id: "macbook-pro-16-m3",
    name: "MacBook Pro 16-inch (M3, 2023)",
    fit: "laptop",
    warnings: ["apple-lid", "sensors"],
    source: APPLE_LID,
  },
  {
    id: "macbook-pro-16-m4",
    name: "MacBook Pro 16-inch (M4, 2024)",
    fit: "laptop",
    warnings: ["apple-lid", "sensors"],
    source: APPLE_LID,
  },
  // Windows laptops.
  {
    id: "dell-xps-13-9340",
    name: "Dell XPS 13 (9340)",
    fit: "laptop",
    warnings: ["sensors"],
    source: "https://www.dell.com/en-us/shop/dell-laptops/xps-13-laptop/spd/xps-13-9340-laptop",
  },
  {
    id: "dell-xps-14-9440",
    name: "Dell XPS 14 (9440)",
    fit: "laptop",
    warnings: ["sensors"],
    source: "https://www.dell.com/en-us/shop/dell-laptops/xps-14-laptop/spd/xps-14-9440-laptop",
  },
  {
    id: "dell-xps-15-9530",
    name: "Dell XPS 15 (9530)",
    fit: "laptop",
    warnings: ["sensors"],
    source: "https://www.dell.com/en-us/shop/dell-laptops/xps-15-laptop/spd/xps-15-9530-laptop",
  },
  {
    id: "dell-latitude-7440",
    name: "Dell Latitude 7440",
    fit: "laptop",
    warnings: ["built-in-shutter", "sensors"],
    source:
      "https://www.dell.com/en-us/shop/dell-laptops/latitude-7440-laptop/spd/latitude-14-7440-2-in-1-laptop",
  },
  {
    id: "thinkpad-x1-carbon-gen-12",
    name: "Lenovo ThinkPad X1 Carbon Gen 12",
    aliases: ["x1 carbon"],
    fit: "laptop",
    warnings: ["built-in-shutter", "sensors"],
    source:
      "https://www.lenovo.com/us/en/p/laptops/thinkpad/thinkpadx1/lenovo-thinkpad-x1-carbon-gen-12-14-inch-intel/len101t0083",
  },
  {
    id: "thinkpad-t14-gen-5",
    name: "Lenovo ThinkPad T14 Gen 5",
    fit: "laptop",
    warnings: ["built-in-shutter"],
    source:
      "https://www.lenovo.com/us/en/p/laptops/thinkpad/thinkpadt/lenovo-thinkpad-t14-gen-5-14-inch-intel/len101t0087",
  },
  {
    id: "thinkpad-e14-gen-6",
    name: "Lenovo ThinkPad E14 Gen 6",
    fit: "laptop",
    warnings: ["built-in-shutter"],
    source:
      "https://www.lenovo.com/us/en/p/laptops/thinkpad/thinkpade/lenovo-thinkpad-e14-gen-6-14-inch-intel/len101t0090",
  },
  {
    id: "lenovo-yoga-slim-7i",
    name: "Lenovo Yoga Slim 7i",
    fit: "laptop",
    warnings: ["sensors"],
    source: "https://www.lenovo.com/us/en/p/laptops/yoga/yoga-slim-series/",
  },
  {
    id: "hp-spectre-x360-14",
    name: "HP Spectre x360 14",
    fit: "laptop",
    warnings: ["built-in-shutter", "sensors"],
    source: "https://www.hp.com/us-en/shop/slp/spectre-family/spectre-x360",
  },
  {
    id: "hp-elitebook-840-g11",
    name: "HP EliteBook 840 G11",
    fit: "laptop",
    warnings: ["built-in-shutter", "sensors"],
    source: "https://www.hp.com/us-en/shop/pdp/hp-elitebook-840-14-inch-g11-notebook-pc",
  },
  {
    id: "hp-pavilion-15",
    name: "HP Pavilion 15",
    fit: "laptop",
    warnings: [],
    source: "https://www.hp.com/us-en/shop/slp/pavilion-laptops",
  },
  {
    id: "surface-laptop-7",
    name: "Microsoft Surface Laptop 7th Edition",
    aliases: ["surface laptop 7"],
    fit: "laptop",
    warnings: ["sensors"],
    source: "https://www.microsoft.com/en-us/surface/devices/surface-laptop-7th-edition",
  },
  {
    id: "surface-laptop-go-3",
    name: "Microsoft Surface Laptop Go 3",
    fit: "laptop",
    warnings: [],
    source: "https://www.microsoft.com/en-us/d/surface-laptop-go-3/8p0wwgj6c6l2",
  },
  {
    id: "surface-pro-11",
    name: "Microsoft Surface Pro 11th Edition",
    aliases: ["surface pro 11"],
    fit: "tablet",
    warnings: ["sensors"],
    source: "https://www.microsoft.com/en-us/surface/devices/surface-pro-11th-edition",
  },
  // Phones: front cameras sit in the screen next to proximity and light sensors.
  {
    id: "iphone-15",
    name: "iPhone 15",
    fit: "phone",
    warnings: ["sensors", "in-display"],
    source: "https://www.apple.com/iphone-15/specs/",
  },
  {
    id: "iphone-15-pro",
    name: "iPhone 15 Pro",
    fit: "phone",
    warnings: ["sensors", "in-display"],
    source: "https://www.apple.com/iphone-15-pro/specs/",
  },
  {
    id: "iphone-16",
    name: "iPhone 16",
    fit: "phone",
    warnings: ["sensors", "in-display"],
    source: "https://www.apple.com/iphone-16/specs/",
  },
  {
    id: "iphone-16-pro",
    name: "iPhone 16 Pro",
    fit: "phone",
    warnings: ["sensors", "in-display"],
    source: "https://www.apple.com/iphone-16-pro/specs/",
  },
  {
    id: "iphone-se-3",
    name: "iPhone SE (3rd generation)",
    aliases: ["iphone se"],
    fit: "phone",
    warnings: ["sensors"],
    source: "https://support.apple.com/kb/SP867",
  },
  {
    id: "pixel-8",
    name: "Google Pixel 8",
    fit: "phone",
    warnings: ["sensors", "in-display"],
    source: "https://store.google.com/product/pixel_8_specs",
  },
  {
    id: "pixel-9",
    name: "Google Pixel 9",
    fit: "phone",
    warnings: ["sensors", "in-display"],
    source: "https://store.google.com/product/pixel_9_specs",
  },
  {
    id: "pixel-9-pro",
    name: "Google Pixel 9 Pro",
    fit: "phone",
    warnings: ["sensors", "in-display"],
    source: "https://store.google.com/product/pixel_9_pro_specs",
  },
  {
    id: "galaxy-s24",
    name: "Samsung Galaxy S24",
    fit: "phone",
    warnings: ["sensors", "in-display"],
    source: "https://www.samsung.com/global/galaxy/galaxy-s24/specs/",
  },
  {
    id: "galaxy-s24-ultra",
    name: "Samsung Galaxy S24 Ultra",
    fit: "phone",
    warnings: ["sensors", "in-display"],
    source: "https://www.samsung.com/global/galaxy/galaxy-s24-ultra/specs/",
  },
  {
    id: "galaxy-a55",
    name: "Samsung Galaxy A55 5G",
    fit: "phone",
    warnings: ["sensors", "in-display"],
    source: "https://www.samsung.com/global/galaxy/galaxy-a55-5g/specs/",
  },
  // Tablets.
  {
    id: "ipad-10",
    name: "iPad (10th generation)",
    aliases: ["ipad 10"],
    fit: "tablet",
    warnings: ["sensors"],
    source: "https://www.apple.com/ipad-10.9/specs/",
  },
  {
    id: "ipad-air-m2",
    name: "iPad Air 11-inch (M2)",
    aliases: ["ipad air"],
    fit: "tablet",
    warnings: ["sensors"],
    source: "https://www.apple.com/ipad-air/specs/",
  },
  {
    id: "ipad-pro-m4",
    name: "iPad Pro 11-inch (M4)",
    aliases: ["ipad pro"],
    fit: "tablet",
    warnings: ["sensors"],
    source: "https://www.apple.com/ipad-pro/specs/",
  },
  {
    id: "ipad-mini-a17-pro",
    name: "iPad mini (A17 Pro)",
    aliases: ["ipad mini"],
    fit: "tablet",
    warnings: ["sensors"],
    source: "https://www.apple.com/ipad-mini/specs/",
  },
  {
    id: "galaxy-tab-s9",
    name: "Samsung Galaxy Tab S9",
    fit: "tablet",
    warnings: ["sensors"],
    source: "https://www.samsung.com/global/galaxy/galaxy-tab-s9/specs/",
  },
  // Monitors and all-in-ones with a built-in camera.
  {
    id: "apple-studio-display",
    name: "Apple Studio Display",
    fit: "monitor",
    warnings: ["sensors"],
    source: "https://www.apple.com/studio-display/specs/",
  },
  {
    id: "imac-24-m4",
    name: "iMac 24-inch (M4, 2024)",
    aliases: ["imac"],
    fit: "monitor",
    warnings: ["sensors"],
    source: "https://www.apple.com/imac/specs/",
  },
  {
    id: "dell-u3223qz",
    name: "Dell UltraSharp 32 4K Video Conferencing Monitor (U3223QZ)",
    aliases: ["u3223qz"],
    fit: "monitor",
    warnings: ["built-in-shutter", "sensors"],
    source:
      "https://www.dell.com/en-us/shop/dell-ultrasharp-32-4k-video-conferencing-monitor-u3223qz/apd/210-bdph/monitors-monitor-accessories",
  },
  {
    id: "hp-e24m-g4",
    name: "HP E24m G4 FHD USB-C Conferencing Monitor",
    aliases: ["e24m"],
    fit: "monitor",
    warnings: ["built-in-shutter"],
    source: "https://www.hp.com/us-en/shop/pdp/hp-e24m-g4-fhd-usb-c-conferencing-monitor",
  },
  {
    id: "thinkvision-t27hv-20",
    name: "Lenovo ThinkVision T27hv-20",
    fit: "monitor",
    warnings: ["built-in-shutter"],
    source: "https://www.lenovo.com/us/en/p/accessories-and-software/monitors/office/62a9gat1us",
  },
] as const satisfies readonly Device[];

export type DeviceId = (typeof devices)[number]["id"];
