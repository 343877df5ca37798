/**
 * Reads Camslide's backend configuration from the environment. Kept apart from
 * medusa-config.ts so the rules (secrets, Redis, CORS) are unit-tested without booting Medusa.
 */

export const DEFAULT_SECRET = "supersecret";

export interface RuntimeConfig {
  databaseUrl: string | undefined;
  redisUrl: string | undefined;
  storeCors: string;
  adminCors: string;
  authCors: string;
  jwtSecret: string;
  cookieSecret: string;
  /** The embedded demo started by `npm start` with no DATABASE_URL. */
  demo: boolean;
  workerMode: "shared" | "worker" | "server";
  backendUrl: string | undefined;
  disableAdmin: boolean;
  /** Where the outbox notification provider writes buyers' emails. */
  outboxDir: string;
  /** Real mail, when SMTP_URL is set: it replaces the outbox. */
  smtp: { url: string; from: string } | undefined;
  /** Card payments through Stripe, when STRIPE_API_KEY is set. */
  stripe: { apiKey: string; webhookSecret: string | undefined } | undefined;
  /** Medusa's Caching module (its `caching` feature flag); CAMSLIDE_MEDUSA_CACHING=off disables it. */
  caching: boolean;
  /** Reverse proxies in front of Medusa whose X-Forwarded-For entries the limits believe. */
  trustedProxyHops: number;
}

export class ConfigError extends Error {
  override name = "ConfigError";
}

type Env = Record<string, string | undefined>;

const WORKER_MODES = ["shared", "worker", "server"] as const;

function isWorkerMode(value: string): value is RuntimeConfig["workerMode"] {
  return (WORKER_MODES as readonly string[]).includes(value);
}

/**
 * @param command the medusa CLI command being run. `build` compiles and never serves, so it
 *   needs no secrets; every other command (start, exec, db:migrate, develop) boots the app.
 */
export function readRuntimeConfig(env: Env, command?: string): RuntimeConfig {
  const demo = env.CAMSLIDE_DEMO === "1";
  const bootsApp = command !== "build";
  const secret = (name: "JWT_SECRET" | "COOKIE_SECRET"): string => {
    const value = env[name]?.trim();
    if (value && value !== DEFAULT_SECRET) return value;
    if (demo || !bootsApp) return value || DEFAULT_SECRET;
    throw new ConfigError(
      `${name} is ${value ? `the default "${DEFAULT_SECRET}"` : "not set"}. ` +
        "Outside the embedded demo Camslide refuses to start without real secrets: " +
        `set ${name} to a long random string (for example: openssl rand -hex 32).`,
    );
  };
  const workerMode = env.MEDUSA_WORKER_MODE?.trim() || "shared";
  if (!isWorkerMode(workerMode)) {
    throw new ConfigError(
      `MEDUSA_WORKER_MODE must be one of ${WORKER_MODES.join(", ")}; got "${workerMode}".`,
    );
  }
  const smtpUrl = env.SMTP_URL?.trim();
  const smtpFrom = env.SMTP_FROM?.trim();
  if (smtpUrl && !/^smtps?:\/\//.test(smtpUrl)) {
    throw new ConfigError("SMTP_URL must look like smtp://user:password@host:587 or smtps://…");
  }
  if (smtpUrl && !smtpFrom?.includes("@")) {
    throw new ConfigError(
      'SMTP_URL is set but SMTP_FROM is not: e.g. "Camslide <orders@example.com>".',
    );
  }
  const stripeKey = env.STRIPE_API_KEY?.trim();
  if (stripeKey && !/^(sk|rk)_(test|live)_/.test(stripeKey)) {
    throw new ConfigError(
      "STRIPE_API_KEY must be a Stripe secret or restricted key (sk_live_…, sk_test_…, rk_…).",
    );
  }
  const caching = env.CAMSLIDE_MEDUSA_CACHING?.trim().toLowerCase() || "on";
  if (caching !== "on" && caching !== "off") {
    throw new ConfigError(`CAMSLIDE_MEDUSA_CACHING must be "on" or "off"; got "${caching}".`);
  }
  const localOrigins = "http://localhost:4321,http://127.0.0.1:4321";
  const adminOrigins = "http://localhost:9000,http://127.0.0.1:9000";
  return {
    databaseUrl: env.DATABASE_URL?.trim() || undefined,
    redisUrl: env.REDIS_URL?.trim() || undefined,
    storeCors: env.STORE_CORS?.trim() || localOrigins,
    adminCors: env.ADMIN_CORS?.trim() || adminOrigins,
    authCors: env.AUTH_CORS?.trim() || `${adminOrigins},${localOrigins}`,
    jwtSecret: secret("JWT_SECRET"),
    cookieSecret: secret("COOKIE_SECRET"),
    demo,
    workerMode,
    backendUrl: env.MEDUSA_BACKEND_URL?.trim() || undefined,
    disableAdmin: env.DISABLE_MEDUSA_ADMIN === "true" || workerMode === "worker",
    outboxDir: env.CAMSLIDE_OUTBOX_DIR?.trim() || "outbox",
    smtp: smtpUrl && smtpFrom ? { url: smtpUrl, from: smtpFrom } : undefined,
    stripe: stripeKey
      ? { apiKey: stripeKey, webhookSecret: env.STRIPE_WEBHOOK_SECRET?.trim() || undefined }
      : undefined,
    caching: caching === "on",
    trustedProxyHops: readTrustedProxyHops(env),
  };
}

/** The most proxies Camslide will believe in front of it: more is a typo, not a deployment. */
export const MAX_TRUSTED_PROXY_HOPS = 5;

/**
 * How many reverse proxies in front of Medusa append the address they received from to
 * X-Forwarded-For (CAMSLIDE_TRUSTED_PROXY_HOPS; see lib/client-address). 0, the default,
 * believes no X-Forwarded-For at all: any client can send that header, so unless a proxy of the
 * shop's own appends to it, its content is whatever the client chose.
 */
export function readTrustedProxyHops(env: Env): number {
  const raw = env.CAMSLIDE_TRUSTED_PROXY_HOPS?.trim() || "0";
  const hops = Number(raw);
  if (!/^\d+$/.test(raw) || hops > MAX_TRUSTED_PROXY_HOPS) {
    throw new ConfigError(
      `CAMSLIDE_TRUSTED_PROXY_HOPS must be a whole number from 0 to ${MAX_TRUSTED_PROXY_HOPS}: ` +
        `the reverse proxies in front of Medusa, 0 when clients connect to it directly; got "${raw}".`,
    );
  }
  return hops;
}

/** How long Medusa may keep a cached read whose change it did not hear of (seconds). */
export const CACHING_TTL_SECONDS = 60;

/**
 * Medusa's Caching module, behind its `caching` feature flag in 2.21 (Medusa Cloud offers it to
 * every plan through the same flag). With it, the reads every store request repeats are kept: the publishable
 * key on every request, regions, sales channels, variants and prices, shipping options,
 * promotion codes; Medusa clears an entry when it emits an event for what it holds. Measured
 * with `npm run bench:launch` (README, "Launch day"): a storefront checkout cost Medusa 31 ms
 * of CPU without it and 19 ms with it. Stock is never cached (Medusa reads it per request).
 * One process keeps the cache in memory. Processes sharing a Redis share it there: an entry
 * cleared by one is cleared for all (an in-memory cache per process would miss the changes
 * other processes make).
 */
export function cachingModules(config: Pick<RuntimeConfig, "caching" | "redisUrl">) {
  if (!config.caching) return [];
  return [
    {
      resolve: "@medusajs/medusa/caching",
      options: config.redisUrl
        ? {
            providers: [
              {
                resolve: "@medusajs/medusa/caching-redis",
                id: "caching-redis",
                is_default: true,
                options: { redisUrl: config.redisUrl, ttl: CACHING_TTL_SECONDS },
              },
            ],
          }
        : { in_memory: { enable: true, ttl: CACHING_TTL_SECONDS } },
    },
  ];
}

/** Stripe's payment provider id in Medusa (provider "stripe", registered with id "stripe"). */
export const STRIPE_PROVIDER_ID = "pp_stripe_stripe";
export const SYSTEM_PROVIDER_ID = "pp_system_default";

/**
 * The payment providers a region offers. With Stripe configured, only Stripe: the system
 * provider authorises any payment without taking money, which only the demo may offer.
 */
export function regionPaymentProviders(config: Pick<RuntimeConfig, "stripe">): string[] {
  return config.stripe ? [STRIPE_PROVIDER_ID] : [SYSTEM_PROVIDER_ID];
}

/** Medusa's payment module with Stripe registered, when configured; else Medusa's default. */
export function paymentModules(config: Pick<RuntimeConfig, "stripe">) {
  if (!config.stripe) return [];
  return [
    {
      resolve: "@medusajs/medusa/payment",
      options: {
        providers: [
          {
            resolve: "@medusajs/medusa/payment-stripe",
            id: "stripe",
            options: {
              apiKey: config.stripe.apiKey,
              webhookSecret: config.stripe.webhookSecret,
              // Charge at checkout. A card hold expires after about 7 days and batches ship
              // weeks later; a cancelled order is refunded by Medusa's order cancellation.
              capture: true,
            },
          },
        ],
      },
    },
  ];
}

/** The notification provider for buyers' email: SMTP when configured, else the outbox folder. */
export function notificationProvider(config: Pick<RuntimeConfig, "smtp" | "outboxDir">) {
  return config.smtp
    ? {
        resolve: "./src/modules/smtp-notification",
        id: "smtp",
        options: { channels: ["email"], url: config.smtp.url, from: config.smtp.from },
      }
    : {
        resolve: "./src/modules/outbox-notification",
        id: "outbox",
        options: { channels: ["email"], dir: config.outboxDir },
      };
}

/**
 * With Redis, the infrastructure modules that must be shared by every process of a scaled-out
 * shop: events, workflow state, locks and cache. Without it, Medusa's in-process defaults,
 * which are correct for exactly one process (see shared/notes on double orders).
 */
export function redisModules(redisUrl: string | undefined) {
  if (!redisUrl) return [];
  return [
    { resolve: "@medusajs/medusa/event-bus-redis", options: { redisUrl } },
    { resolve: "@medusajs/medusa/workflow-engine-redis", options: { redis: { redisUrl } } },
    {
      resolve: "@medusajs/medusa/locking",
      options: {
        providers: [
          {
            resolve: "@medusajs/medusa/locking-redis",
            id: "locking-redis",
            is_default: true,
            options: { redisUrl },
          },
        ],
      },
    },
    // The Caching module (caching-redis) is still behind a work-in-progress feature flag in
    // Medusa 2.21; the Cache module is what the core reads today.
    { resolve: "@medusajs/medusa/cache-redis", options: { redisUrl } },
  ];
}
