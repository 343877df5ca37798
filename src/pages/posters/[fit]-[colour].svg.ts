/**
 * One poster per fit x colour, written at build time from the product definition: the image of
 * each /covers/ page and a picture anyone can link to.
 */
import type { APIRoute, GetStaticPaths } from "astro";
import { posterSvg } from "../../configurator/poster.ts";
import { isColourKey, isFitKey, variants } from "../../product/index.ts";

export const getStaticPaths = (() =>
  variants.map(({ fit, colour }) => ({ params: { fit, colour } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) => {
  const { fit, colour } = params;
  if (!isFitKey(fit) || !isColourKey(colour)) return new Response("Not found", { status: 404 });
  return new Response(posterSvg(fit, colour, { standalone: true }), {
    headers: { "content-type": "image/svg+xml; charset=utf-8" },
  });
};
