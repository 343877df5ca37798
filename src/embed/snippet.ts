/** The snippets a retailer copies, written from their choices (docs page and playground). */
import type { WidgetOptions } from "./options.ts";

export type EmbedKind = "element" | "frame";

const escapeAttribute = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");

export function widgetSnippet(kind: EmbedKind, shop: string, o: WidgetOptions): string {
  const attributes: [string, string][] = [
    ["retailer", o.retailer],
    ["fit", o.fit],
    ["colour", o.colour],
    ["locale", o.locale],
    ["region", o.region],
    ["mode", o.mode],
  ];
  if (kind === "element") {
    const list = attributes.map(([k, v]) => `${k}="${escapeAttribute(v)}"`).join(" ");
    return `<script type="module" src="${shop}/embed/camslide.js"></script>\n<camslide-configurator ${list}></camslide-configurator>`;
  }
  const query = new URLSearchParams(attributes).toString().replace(/&/g, "&amp;");
  return `<iframe src="${shop}/embed/frame/?${query}" title="Camslide" style="width:100%;max-width:480px;border:0" height="560"></iframe>`;
}
