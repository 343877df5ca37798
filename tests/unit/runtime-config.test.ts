import { describe, expect, it } from "vitest";
import {
  ConfigError,
  DEFAULT_SECRET,
  readRuntimeConfig,
  redisModules,
} from "../../backend/src/lib/runtime-config.ts";

const secrets = { JWT_SECRET: "a".repeat(64), COOKIE_SECRET: "b".repeat(64) };

describe("backend runtime configuration", () => {
  it.each([
    ["missing", {}],
    ["the default", { JWT_SECRET: DEFAULT_SECRET, COOKIE_SECRET: DEFAULT_SECRET }],
    ["half default", { JWT_SECRET: "x".repeat(40), COOKIE_SECRET: DEFAULT_SECRET }],
  ])("refuses to boot outside the demo with %s secrets", (_, env) => {
    expect(() =>
      readRuntimeConfig({ DATABASE_URL: "postgres://db/shop", ...env }, "start"),
    ).toThrow(ConfigError);
  });

  it("boots the embedded demo with the default secrets", () => {
    const config = readRuntimeConfig({ CAMSLIDE_DEMO: "1" }, "start");
    expect(config.jwtSecret).toBe(DEFAULT_SECRET);
    expect(config.demo).toBe(true);
  });

  it("lets `medusa build` run without secrets, since a build serves nothing", () => {
    expect(() => readRuntimeConfig({}, "build")).not.toThrow();
  });

  it("uses real secrets and the CORS lists it is given", () => {
    const config = readRuntimeConfig(
      { ...secrets, STORE_CORS: "https://shop.example", DATABASE_URL: "postgres://db/shop" },
      "start",
    );
    expect(config.jwtSecret).toBe(secrets.JWT_SECRET);
    expect(config.storeCors).toBe("https://shop.example");
    expect(config.databaseUrl).toBe("postgres://db/shop");
  });

  it("rejects an unknown worker mode and hides the admin in worker mode", () => {
    expect(() => readRuntimeConfig({ ...secrets, MEDUSA_WORKER_MODE: "both" }, "start")).toThrow(
      /MEDUSA_WORKER_MODE/,
    );
    expect(
      readRuntimeConfig({ ...secrets, MEDUSA_WORKER_MODE: "worker" }, "start").disableAdmin,
    ).toBe(true);
  });

  it("uses in-process modules without Redis and all four Redis modules with it", () => {
    expect(redisModules(undefined)).toEqual([]);
    const modules = redisModules("redis://127.0.0.1:6379");
    expect(modules.map((m) => m.resolve)).toEqual([
      "@medusajs/medusa/event-bus-redis",
      "@medusajs/medusa/workflow-engine-redis",
      "@medusajs/medusa/locking",
      "@medusajs/medusa/cache-redis",
    ]);
    expect(JSON.stringify(modules)).not.toContain("undefined");
  });
});
