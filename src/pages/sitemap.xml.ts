import type { APIRoute } from "astro";
import { coverPath } from "../configurator/productJsonLd.ts";
import { locales, routes } from "../i18n/index.ts";
import { colourKeys, fitKeys } from "../product/index.ts";

/** Every public page, the localised ones with their alternates in each language. */
export const GET: APIRoute = ({ site }) => {
  const url = (path: string) => new URL(path, site).toString();
  const localised = (["home", "cart", "progress"] as const).map((key) => ({
    loc: url(routes[key].en),
    alternates: locales.map((l) => ({ l, href: url(routes[key][l]) })),
  }));
  const covers = fitKeys.flatMap((fit) =>
    colourKeys.map((colour) => ({
      loc: url(coverPath(fit, colour)),
      alternates: locales.map((l) => ({ l, href: url(coverPath(fit, colour, l)) })),
    })),
  );
  const entries = [...localised, ...covers]
    .map(
      ({ loc, alternates }) =>
        `  <url><loc>${loc}</loc>${alternates
          .map((a) => `<xhtml:link rel="alternate" hreflang="${a.l}" href="${a.href}"/>`)
          .join("")}</url>`,
    )
    .join("\n");
  return new Response(
    `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">\n${entries}\n</urlset>\n`,
    { headers: { "content-type": "application/xml" } },
  );
};
