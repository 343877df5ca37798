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
          expect: { poll: { timeout: 15_000 } },
          testTimeout: 120_000,
          hookTimeout: 300_000,
          fileParallelism: false,
        },
      },
      {
        test: {
          name: "e2e",
          include: ["tests/e2e/**/*.test.ts"],
          // Chromium and the shop share two cores with the test: expect.poll's default budget of
          // 1 s failed a no-WebGL colour change in CI that arrived a moment later.
          expect: { poll: { timeout: 15_000 } },
          testTimeout: 600_000,
          hookTimeout: 600_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
