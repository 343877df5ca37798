/** One Open Graph image (PNG, 1200 x 630) per fit x colour, rendered at build time. */

import { Resvg } from "@resvg/resvg-js";
import type { APIRoute, GetStaticPaths } from "astro";
import { OG_WIDTH, ogImageSvg } from "../../configurator/ogImage.ts";
import { isColourKey, isFitKey, variants } from "../../product/index.ts";

export const getStaticPaths = (() =>
  variants.map(({ fit, colour }) => ({ params: { fit, colour } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) => {
  const { fit, colour } = params;
  if (!isFitKey(fit) || !isColourKey(colour)) return new Response("Not found", { status: 404 });
  const png = new Resvg(ogImageSvg(fit, colour), {
    fitTo: { mode: "width", value: OG_WIDTH },
    font: { loadSystemFonts: false },
  })
    .render()
    .asPng();
  return new Response(new Uint8Array(png), { headers: { "content-type": "image/png" } });
};
