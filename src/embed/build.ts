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
  // Always a production build: Vite keeps a NODE_ENV it finds (a test runner sets "test"), and
  // the widget would then ship React's development build to retailers. React and the JSX
  // transform both follow NODE_ENV, so it is set for the build and put back after.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = "production";
  try {
    await buildWidget(siteDir);
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
}

async function buildWidget(siteDir: string): Promise<void> {
  await build({
    configFile: false,
    mode: "production",
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
