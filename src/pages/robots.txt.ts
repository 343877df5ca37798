import type { APIRoute } from "astro";

export const GET: APIRoute = ({ site }) =>
  new Response(
    `User-agent: *\nDisallow: /checkout/\nDisallow: /fr/commande/\nDisallow: /de/kasse/\n\nSitemap: ${new URL("/sitemap.xml", site)}\n`,
    { headers: { "content-type": "text/plain; charset=utf-8" } },
  );
