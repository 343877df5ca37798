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
