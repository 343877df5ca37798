import { createHash } from "node:crypto";
import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http";
import Redis from "ioredis";
import {
  type RateLimiterAbstract,
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
} from "rate-limiter-flexible";
import { clientAddress } from "./client-address";
import { readTrustedProxyHops } from "./runtime-config";

export interface LimitSpec {
  /** Attempts allowed per key in one window. */
  points: number;
  durationS: number;
}

const MINUTE = 60;
const DAY = 24 * 60 * MINUTE;

/**
 * Every limit the shop applies. A guess that can succeed (an order number with an email) is
 * limited per address and per target, so that many addresses together still get only the
 * target's few tries; a signed token, which cannot be guessed, is limited on failures so that
 * a prober is told to stop. The README's "Security" section lists these figures.
 *
 * Memory: a key is held for its window only, so a limiter keeps at most the keys made in one
 * window. Every window is 10 minutes or less, except a lookup's per-target day, whose keys
 * are made only under the shop-wide lookup cap (at most 2 x 300 new keys per 10 minutes).
 */
export const LIMITS = {
  /** POST /store/order-status/lookup, every attempt, per client address. */
  lookupPerAddress: { points: 20, durationS: 10 * MINUTE },
  /**
   * … from all addresses together: far above what buyers who lost their email ask, and a cap
   * on the per-target keys a guesser with many addresses (an IPv6 /48) could make.
   */
  lookupShopWide: { points: 300, durationS: 10 * MINUTE },
  /** … per email asked about: a buyer mistypes their number once or twice. */
  lookupPerEmail: { points: 6, durationS: DAY },
  /** … per order number asked about. */
  lookupPerOrderNumber: { points: 6, durationS: DAY },
  /** Order-status links (view, cancel, return) with a wrong signature, per client address. */
  orderLinkPerAddress: { points: 20, durationS: 10 * MINUTE },
  /** POST /store/order-status/token pairs of order and cart that do not match, per address. */
  orderTokenPerAddress: { points: 20, durationS: 10 * MINUTE },
  /** … per order id asked about. */
  orderTokenPerOrder: { points: 10, durationS: 10 * MINUTE },
  /** GET /store/checkout-intakes/:id with a wrong token, per client address. */
  intakePerAddress: { points: 20, durationS: 10 * MINUTE },
  /** … per intake id asked about. */
  intakePerIntake: { points: 10, durationS: 10 * MINUTE },
  /** GET /embed/attribution, per client address: a shopper's widget asks once per page. */
  attributionPerAddress: { points: 60, durationS: 10 * MINUTE },
  /** … tokens issued per retailer, from all addresses together. */
  attributionPerRetailer: { points: 600, durationS: MINUTE },
} as const satisfies Record<string, LimitSpec>;

export type LimitName = keyof typeof LIMITS;

/** What every refusal says; the Retry-After header says when to try again. */
export const TOO_MANY_ATTEMPTS = "Too many attempts. Try again later.";

/**
 * A refused attempt. Medusa's error handler answers an error shaped like http-errors' with its
 * status and message: 429 and TOO_MANY_ATTEMPTS.
 */
export class TooManyAttempts extends Error {
  override name = "TooManyAttempts";
  readonly status = 429;
  readonly statusCode = 429;
  readonly expose = true;
  readonly retryAfterS: number;

  constructor(retryAfterS: number) {
    super(TOO_MANY_ATTEMPTS);
    this.retryAfterS = retryAfterS;
  }
}

/**
 * A limiter for one limit. With a Redis client the counts live in Redis, shared by every
 * process that uses it (a scale-out holds one limit, not one per process); should Redis fail,
 * each process counts in its own memory until it is back. Without one, this process's memory:
 * each key is dropped when its window ends, so the keys held are only those seen in the last
 * window.
 */
export function createLimiter(name: string, spec: LimitSpec, redis?: Redis): RateLimiterAbstract {
  const options = {
    keyPrefix: `camslide-rl:${name}`,
    points: spec.points,
    duration: spec.durationS,
  };
  if (!redis) return new RateLimiterMemory(options);
  return new RateLimiterRedis({
    ...options,
    storeClient: redis,
    insuranceLimiter: new RateLimiterMemory(options),
  });
}

let redisClient: Redis | undefined;
const limiters = new Map<LimitName, RateLimiterAbstract>();

/**
 * A Redis connection for limiters. A count made while it connects waits for it (a count made
 * in memory then would not be shared); while Redis is down, a count fails after one reconnect
 * attempt and goes to the memory insurance.
 */
export function connectRedis(url: string): Redis {
  const client = new Redis(url, { maxRetriesPerRequest: 1 });
  // The memory insurance covers an outage, and Medusa's own Redis modules report it; without
  // a listener ioredis would print every failed reconnect.
  client.on("error", () => undefined);
  return client;
}

function sharedRedis(): Redis | undefined {
  const url = process.env.REDIS_URL?.trim();
  if (!url) return undefined;
  redisClient ??= connectRedis(url);
  return redisClient;
}

/** This process's limiter for a limit: on Redis when REDIS_URL is set, else in memory. */
export function limiter(name: LimitName): RateLimiterAbstract {
  let found = limiters.get(name);
  if (!found) {
    found = createLimiter(name, LIMITS[name], sharedRedis());
    limiters.set(name, found);
  }
  return found;
}

/**
 * Keys are hashed: Redis then holds no email or address, and a long input costs no more
 * memory than a short one.
 */
export function keyOf(value: string): string {
  return createHash("sha256").update(value).digest("base64url").slice(0, 22);
}

/**
 * What an order lookup counts once its body is read, in order: the shop-wide cap first, so
 * that past it no per-target key is made.
 */
export function lookupTargets(email: string, orderNumber: number) {
  return [
    ["lookupShopWide", "all"],
    ["lookupPerEmail", email],
    ["lookupPerOrderNumber", String(orderNumber)],
  ] as const;
}

/** Where a request came from, believing only CAMSLIDE_TRUSTED_PROXY_HOPS proxies. */
export function requestAddress(req: MedusaRequest): string {
  return clientAddress(
    req.socket?.remoteAddress,
    req.headers["x-forwarded-for"],
    readTrustedProxyHops(process.env),
  );
}

/**
 * Counts one attempt against each [limit, key] in turn; the first limit that is spent refuses
 * with TooManyAttempts (429, Retry-After set on `res`), and the limits after it are not counted.
 * Put the per-address limit first, so that an address already refused cannot spend a target's
 * attempts.
 */
export async function countAttempt(
  res: MedusaResponse,
  checks: readonly (readonly [LimitName, string])[],
): Promise<void> {
  for (const [name, key] of checks) {
    try {
      await limiter(name).consume(keyOf(key));
    } catch (refusal) {
      if (refusal instanceof RateLimiterRes) refuse(res, refusal);
      throw refusal;
    }
  }
}

function refuse(res: MedusaResponse, state: RateLimiterRes): never {
  const retryAfterS = Math.max(1, Math.ceil(state.msBeforeNext / 1000));
  res.setHeader("retry-after", String(retryAfterS));
  throw new TooManyAttempts(retryAfterS);
}

/**
 * Refuses (as countAttempt does) when any [limit, key] has already used all its attempts in
 * this window, without counting: for a route that counts only its failures but must refuse a
 * spent address even the attempt that would succeed.
 */
export async function refuseIfSpent(
  res: MedusaResponse,
  checks: readonly (readonly [LimitName, string])[],
): Promise<void> {
  for (const [name, key] of checks) {
    const state = await limiter(name).get(keyOf(key));
    if (state && state.consumedPoints >= LIMITS[name].points) refuse(res, state);
  }
}
