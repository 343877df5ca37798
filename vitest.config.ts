import { defineConfig } from "vitest/config";

/**
 * Three projects, run one after the other by `npm test`:
 * unit (no services), integration (real PostgreSQL + a real Medusa), e2e (real Chromium and
 * the real `npm start`). See tests/README.md for where a new test belongs.
 */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "unit",
          include: ["tests/unit/**/*.test.ts"],
          environment: "node",
        },
      },
      {
        test: {
          name: "integration",
          // Loaded by Node as published; Vite would only warn about its missing source maps.
          server: { deps: { external: [/@medusajs\/js-sdk/] } },
          include: ["tests/integration/**/*.test.ts"],
          globalSetup: ["tests/integration/global-setup.ts"],
          testTimeout: 120_000,
          hookTimeout: 300_000,
          fileParallelism: false,
        },
      },
      {
        test: {
          name: "e2e",
          include: ["tests/e2e/**/*.test.ts"],
          testTimeout: 600_000,
          hookTimeout: 600_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
