import { describe, expect, it } from "vitest";
import {
  CACHING_TTL_SECONDS,
  ConfigError,
  cachingModules,
  DEFAULT_SECRET,
  notificationProvider,
  paymentModules,
  readRuntimeConfig,
  redisModules,
  regionPaymentProviders,
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

  it("caches Medusa's repeated reads in memory for one process and in Redis for several, unless turned off", () => {
    const demo = readRuntimeConfig({ CAMSLIDE_DEMO: "1" }, "start");
    expect(demo.caching).toBe(true);
    expect(cachingModules(demo)).toEqual([
      {
        resolve: "@medusajs/medusa/caching",
        options: { in_memory: { enable: true, ttl: CACHING_TTL_SECONDS } },
      },
    ]);
    const scaled = cachingModules({ caching: true, redisUrl: "redis://127.0.0.1:6379" });
    expect(scaled[0]?.options).toEqual({
      providers: [
        {
          resolve: "@medusajs/medusa/caching-redis",
          id: "caching-redis",
          is_default: true,
          options: { redisUrl: "redis://127.0.0.1:6379", ttl: CACHING_TTL_SECONDS },
        },
      ],
    });
    const off = readRuntimeConfig({ CAMSLIDE_DEMO: "1", CAMSLIDE_MEDUSA_CACHING: "OFF" }, "start");
    expect(cachingModules(off)).toEqual([]);
    expect(() =>
      readRuntimeConfig({ CAMSLIDE_DEMO: "1", CAMSLIDE_MEDUSA_CACHING: "sometimes" }, "start"),
    ).toThrow(/CAMSLIDE_MEDUSA_CACHING must be "on" or "off"/);
  });
});

describe("payment and mail providers chosen by configuration", () => {
  const demo = { CAMSLIDE_DEMO: "1" };

  it("pays with the system provider and writes mail to the outbox in the demo", () => {
    const config = readRuntimeConfig(demo, "start");
    expect(regionPaymentProviders(config)).toEqual(["pp_system_default"]);
    expect(paymentModules(config)).toEqual([]);
    expect(notificationProvider(config)).toMatchObject({ id: "outbox" });
  });

  it("registers Stripe, charging at checkout, and offers only Stripe with STRIPE_API_KEY", () => {
    const config = readRuntimeConfig(
      { ...demo, STRIPE_API_KEY: "sk_test_abc", STRIPE_WEBHOOK_SECRET: "whsec_1" },
      "start",
    );
    expect(regionPaymentProviders(config)).toEqual(["pp_stripe_stripe"]);
    const [payment] = paymentModules(config);
    expect(payment?.resolve).toBe("@medusajs/medusa/payment");
    expect(payment?.options.providers[0]).toMatchObject({
      resolve: "@medusajs/medusa/payment-stripe",
      id: "stripe",
      options: { apiKey: "sk_test_abc", webhookSecret: "whsec_1", capture: true },
    });
  });

  it.each([
    ["a publishable key", "pk_test_abc"],
    ["garbage", "hello"],
  ])("refuses %s as STRIPE_API_KEY", (_, key) => {
    expect(() => readRuntimeConfig({ ...demo, STRIPE_API_KEY: key }, "start")).toThrow(
      /STRIPE_API_KEY/,
    );
  });

  it("sends mail over SMTP when SMTP_URL and SMTP_FROM are set", () => {
    const config = readRuntimeConfig(
      { ...demo, SMTP_URL: "smtp://u:p@mail.example:587", SMTP_FROM: "Shop <a@b.example>" },
      "start",
    );
    expect(notificationProvider(config)).toEqual({
      resolve: "./src/modules/smtp-notification",
      id: "smtp",
      options: {
        channels: ["email"],
        url: "smtp://u:p@mail.example:587",
        from: "Shop <a@b.example>",
      },
    });
  });

  it.each([
    [{ SMTP_URL: "mail.example:25", SMTP_FROM: "a@b.example" }, /SMTP_URL/],
    [{ SMTP_URL: "smtp://mail.example:25" }, /SMTP_FROM/],
  ])("refuses an incomplete SMTP setting %j", (env, message) => {
    expect(() => readRuntimeConfig({ ...demo, ...env }, "start")).toThrow(message);
  });
});
