/**
 * The Open Graph image of a variant: its poster (drawn from the same outline as the 3D model)
 * centred on the stage colour at 1200 x 630, the size link previews expect. Rasterised to PNG at
 * build time by resvg (link previews do not read SVG) in src/pages/og/; this module stays free
 * of the native renderer because the islands import the paths.
 */
import type { ColourKey, FitKey } from "../product/index.ts";
import { posterSvg, STAGE_ASPECT, STAGE_HEX } from "./poster.ts";

export const OG_WIDTH = 1200;
export const OG_HEIGHT = 630;

export function ogImagePath(fit: FitKey, colour: ColourKey): string {
  return `/og/${fit}-${colour}.png`;
}

/** The poster nested in a 1200 x 630 frame. */
export function ogImageSvg(fit: FitKey, colour: ColourKey): string {
  const posterHeight = OG_HEIGHT;
  const posterWidth = Math.round(posterHeight * STAGE_ASPECT);
  const x = Math.round((OG_WIDTH - posterWidth) / 2);
  // The poster without width/height is a nested <svg> that scales to the box given here.
  const poster = posterSvg(fit, colour).replace(
    "<svg ",
    `<svg x="${x}" y="0" width="${posterWidth}" height="${posterHeight}" `,
  );
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${OG_WIDTH}" height="${OG_HEIGHT}" viewBox="0 0 ${OG_WIDTH} ${OG_HEIGHT}">` +
    `<rect width="${OG_WIDTH}" height="${OG_HEIGHT}" fill="${STAGE_HEX}"/>${poster}</svg>`
  );
}
