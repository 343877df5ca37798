// @ts-check
import react from "@astrojs/react";
import { defineConfig } from "astro/config";
import { camslideEmbed } from "./src/embed/build.ts";

// The public URL of the storefront; `npm start` sets it from STOREFRONT_PORT.
const site = process.env.CAMSLIDE_SITE_URL || "http://localhost:4321";

export default defineConfig({
  site,
  output: "static",
  // `npm start` builds into the data folder, next to the database whose key the build embeds.
  outDir: process.env.CAMSLIDE_DIST_DIR || "dist",
  // The retailer widget (/embed/camslide.js) is built after the site, into its output.
  integrations: [react(), camslideEmbed()],
  // resvg (Open Graph PNGs at build time) is a native addon: loaded by Node, never bundled.
  vite: { ssr: { external: ["@resvg/resvg-js"] } },
});
