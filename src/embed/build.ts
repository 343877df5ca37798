/**
 * Builds the retailer widget into `<site>/embed/`: the loader `camslide.js`, the iframe page's
 * `frame.js` and their lazily loaded chunks (React, three.js, the view) under `chunks/`.
 * Runs after every `astro build` (astro.config.mjs), so `npm run build` and `npm start`
 * both ship it, with the same PUBLIC_ values as the site.
 */
import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { build } from "vite";

const here = fileURLToPath(new URL(".", import.meta.url));

export async function buildEmbed(siteDir: string): Promise<void> {
  await build({
    configFile: false,
    logLevel: "warn",
    envPrefix: "PUBLIC_",
    publicDir: false,
    plugins: [react()],
    build: {
      outDir: `${siteDir}/embed`,
      emptyOutDir: false,
      target: "es2022",
      modulePreload: false,
      rollupOptions: {
        input: { camslide: `${here}camslide.ts`, frame: `${here}frame.ts` },
        output: {
          format: "es",
          entryFileNames: "[name].js",
          chunkFileNames: "chunks/[name]-[hash].js",
        },
        preserveEntrySignatures: "exports-only",
      },
    },
  });
}

/** The Astro integration that runs the build after the site's. */
export function camslideEmbed() {
  return {
    name: "camslide-embed",
    hooks: {
      "astro:build:done": async ({ dir }: { dir: URL }) => buildEmbed(fileURLToPath(dir)),
    },
  };
}
