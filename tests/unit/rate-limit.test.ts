import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import {
  countAttempt,
  createLimiter,
  keyOf,
  LIMITS,
  limiter,
  lookupTargets,
  refuseIfSpent,
  TOO_MANY_ATTEMPTS,
  TooManyAttempts,
} from "../../backend/src/lib/rate-limit.ts";

/** Just what countAttempt writes on a response: its headers. */
function response() {
  const headers = new Map<string, string>();
  return {
    headers,
    res: { setHeader: (name: string, value: string) => headers.set(name, value) } as never,
  };
}

describe("the limits", () => {
  beforeEach(() => {
    // In memory, whatever the shell running the tests has set: a unit test talks to nothing.
    vi.stubEnv("REDIS_URL", "");
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllEnvs();
  });

  it("refuses an address's 21st order lookup in 10 minutes with 429 and Retry-After", async () => {
    const { res, headers } = response();
    const address = "198.51.100.7";
    for (let i = 0; i < LIMITS.lookupPerAddress.points; i++) {
      await countAttempt(res, [["lookupPerAddress", address]]);
    }
    // All its attempts used: a route that counts only failures refuses the next one, right or not.
    await expect(refuseIfSpent(res, [["lookupPerAddress", address]])).rejects.toThrow(
      TooManyAttempts,
    );
    const refusal = await countAttempt(res, [["lookupPerAddress", address]]).catch((e) => e);
    expect(refusal).toBeInstanceOf(TooManyAttempts);
    expect(refusal).toMatchObject({ status: 429, statusCode: 429, message: TOO_MANY_ATTEMPTS });
    const retryAfter = Number(headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(LIMITS.lookupPerAddress.durationS);
    await expect(refuseIfSpent(res, [["lookupPerAddress", address]])).rejects.toThrow(
      TooManyAttempts,
    );
    vi.advanceTimersByTime(LIMITS.lookupPerAddress.durationS * 1000 + 1);
    await expect(countAttempt(res, [["lookupPerAddress", address]])).resolves.toBeUndefined();
  });

  it("stops at the first spent limit and does not count the ones after it", async () => {
    const { res } = response();
    const address = "198.51.100.251";
    const email = "after@example.ch";
    for (let i = 0; i < LIMITS.lookupPerAddress.points; i++) {
      await countAttempt(res, [["lookupPerAddress", address]]);
    }
    for (let i = 0; i < 10; i++) {
      await countAttempt(res, [
        ["lookupPerAddress", address],
        ["lookupPerEmail", email],
      ]).catch(() => undefined);
    }
    await expect(refuseIfSpent(res, [["lookupPerEmail", email]])).resolves.toBeUndefined();
  });

  it("makes no per-email or per-number key past the shop-wide lookup cap, so a day's keys stay few", async () => {
    const { res } = response();
    for (let i = 0; i < LIMITS.lookupShopWide.points; i++) {
      await countAttempt(res, lookupTargets(`buyer${i}@example.ch`, 5_000 + i));
    }
    const refusal = await countAttempt(res, lookupTargets("late@example.ch", 9_999)).catch(
      (e) => e,
    );
    expect(refusal).toBeInstanceOf(TooManyAttempts);
    expect(await limiter("lookupPerEmail").get(keyOf("buyer0@example.ch"))).not.toBeNull();
    expect(await limiter("lookupPerEmail").get(keyOf("late@example.ch"))).toBeNull();
    expect(await limiter("lookupPerOrderNumber").get(keyOf("9999"))).toBeNull();
  });

  it("keeps no key past its window: 20,000 distinct keys are all gone once it ends", async () => {
    const limiter = createLimiter("bounded-test", { points: 1, durationS: 60 });
    const keys = Array.from({ length: 20_000 }, (_, i) => `client-${i}`);
    for (const key of keys) await limiter.consume(key);
    expect(await limiter.get("client-0")).not.toBeNull();
    expect(await limiter.get("client-19999")).not.toBeNull();
    vi.advanceTimersByTime(60_000 + 1);
    const left = await Promise.all(keys.map((key) => limiter.get(key)));
    expect(left.filter((state) => state !== null)).toHaveLength(0);
  });
});
