/**
 * The static poster: a plan view of the cover drawn as SVG from the same outline as the 3D
 * geometry. It needs no WebGL, so it is made at build time (pages, /posters/*.svg) and is what
 * the shopper sees before three.js loads, without WebGL, or on a lost context.
 */
import { type Locale, translator } from "../i18n/index.ts";
import { names } from "../i18n/names.ts";
import { type ColourKey, colours, type FitKey, fits } from "../product/index.ts";
import { shade } from "./colour.ts";
import { DEVICE_HEX, deviceCentreZMm, deviceScenery, LENS_HEX, SCREEN_HEX } from "./device.ts";
import { coverOutline, type RoundedRect, roundedRectPath } from "./outline.ts";

/** The stage's aspect ratio (width / height): poster and canvas share it, so nothing shifts. */
export const STAGE_ASPECT = 4 / 3;
export const STAGE_HEX = "#eceae4";

export interface PosterOptions {
  opening?: number;
  device?: boolean;
  /** Emit width/height attributes (for a standalone .svg file). */
  standalone?: boolean;
  /** The language of the image's title. */
  locale?: Locale;
}

function n(v: number): string {
  return String(Number(v.toFixed(3)));
}

export function posterTitle(
  fit: FitKey,
  colour: ColourKey,
  opening = 0,
  locale: Locale = "en",
): string {
  const t = translator(locale);
  const percent = Math.round(opening * 100);
  const state =
    opening <= 0
      ? t("poster.covered")
      : opening >= 1
        ? t("poster.open")
        : t("poster.partlyOpen", { percent });
  return t("poster.title", {
    fit: names[locale].fit[fit],
    colour: names[locale].colour[colour],
    state,
  });
}

export function posterSvg(fit: FitKey, colour: ColourKey, options: PosterOptions = {}): string {
  const opening = options.opening ?? 0;
  const spec = fits[fit];
  const outline = coverOutline(spec, opening);
  const hex = colours[colour].hex;
  const metallic = colours[colour].finish === "metallic";
  const device = options.device ? deviceScenery[fit] : undefined;

  // Frame: the rail with margins, or the device slab; always at the stage's aspect ratio.
  const spanX = device ? device.widthMm * 1.1 : outline.rail.lengthMm * 1.45;
  const spanY = device ? device.heightMm * 1.1 : outline.rail.widthMm * 1.45;
  const width = Math.max(spanX, spanY * STAGE_ASPECT);
  const height = width / STAGE_ASPECT;
  const centreY = device ? deviceCentreZMm(device) : 0;
  const viewBox = `${n(-width / 2)} ${n(centreY - height / 2)} ${n(width)} ${n(height)}`;
  const shadowOffset = spec.rail.thicknessMm * 0.8;
  const gradientId = `cs-${fit}-${colour}`;

  const parts: string[] = [];
  parts.push(
    `<rect x="${n(-width / 2)}" y="${n(centreY - height / 2)}" width="${n(width)}" height="${n(height)}" fill="${STAGE_HEX}"/>`,
  );
  if (device) {
    const slab: RoundedRect = {
      centreXMm: 0,
      lengthMm: device.widthMm,
      widthMm: device.heightMm,
      radiusMm: device.cornerRadiusMm,
    };
    parts.push(
      `<path transform="translate(0 ${n(centreY)})" d="${roundedRectPath(slab)}" fill="${DEVICE_HEX}"/>`,
      `<rect x="${n(-device.widthMm / 2 + device.bezelMm * 0.6)}" y="${n(device.bezelMm / 2)}" width="${n(device.widthMm - device.bezelMm * 1.2)}" height="${n(device.heightMm - device.bezelMm * 1.3)}" fill="${SCREEN_HEX}"/>`,
    );
  }
  parts.push(
    `<defs><linearGradient id="${gradientId}" x1="0" y1="0" x2="0" y2="1">` +
      `<stop offset="0" stop-color="${shade(hex, metallic ? 0.35 : 0.12)}"/>` +
      `<stop offset="0.5" stop-color="${hex}"/>` +
      `<stop offset="1" stop-color="${shade(hex, metallic ? -0.2 : -0.08)}"/>` +
      "</linearGradient></defs>",
    // A soft contact shadow: the rail's outline, offset and translucent.
    `<path transform="translate(${n(shadowOffset)} ${n(shadowOffset)})" d="${roundedRectPath(outline.rail)}" fill="#000" fill-opacity="0.18"/>`,
    `<path d="${roundedRectPath(outline.rail)}" fill="url(#${gradientId})" stroke="${shade(hex, -0.3)}" stroke-width="0.08"/>`,
    `<path d="${roundedRectPath(outline.slot)}" fill="${shade(hex, -0.14)}"/>`,
    `<circle cx="${n(outline.window.centreXMm)}" cy="0" r="${n(outline.window.diameterMm / 2)}" fill="${device ? LENS_HEX : "#2a2a2a"}"/>`,
    `<path d="${roundedRectPath(outline.slider)}" fill="url(#${gradientId})" stroke="${shade(hex, -0.35)}" stroke-width="0.08"/>`,
    `<circle cx="${n(outline.magnet.centreXMm)}" cy="0" r="${n(outline.magnet.diameterMm / 2)}" fill="#b8bbbf" stroke="#8d9095" stroke-width="0.08"/>`,
  );

  const title = posterTitle(fit, colour, opening, options.locale);
  const size = options.standalone ? ' width="1200" height="900"' : "";
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="${viewBox}"${size} role="img" aria-label="${title}">` +
    `<title>${title}</title>${parts.join("")}</svg>`
  );
}
