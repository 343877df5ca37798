import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectRedis, createLimiter } from "../../backend/src/lib/rate-limit.ts";
import { redisCommand, redisForTests, TEST_REDIS_URL } from "../support/redis.ts";

// Skipped on a laptop without Redis (the name says so); CI without Redis fails (support/redis).
const available = await redisForTests();
const clients = available ? [connectRedis(TEST_REDIS_URL), connectRedis(TEST_REDIS_URL)] : [];

beforeAll(async () => {
  if (!available) return;
  // Connected before the test, as a running process's connection is.
  await Promise.all(
    clients.map(
      (client) =>
        new Promise<void>((resolve, reject) => {
          if (client.status === "ready") return resolve();
          client.once("ready", () => resolve());
          client.once("error", reject);
        }),
    ),
  );
});

afterAll(async () => {
  await Promise.all(clients.map((client) => client.quit()));
  if (available) await redisCommand(TEST_REDIS_URL, ["FLUSHDB"]);
});

describe.runIf(available)(`limits on Redis (${TEST_REDIS_URL})`, () => {
  it("holds one limit across two processes' limiters: together they get the points once", async () => {
    const name = `scale-out-${Date.now()}`;
    const spec = { points: 5, durationS: 60 };
    const [a, b] = clients.map((client) => createLimiter(name, spec, client));
    if (!a || !b) throw new Error("two limiters expected");
    for (const limiter of [a, b, a, b, a]) await limiter.consume("203.0.113.9");
    await expect(b.consume("203.0.113.9")).rejects.toMatchObject({ remainingPoints: 0 });
    await expect(a.consume("203.0.113.9")).rejects.toMatchObject({ remainingPoints: 0 });
    // Another key has its own points.
    await expect(b.consume("203.0.113.10")).resolves.toMatchObject({ remainingPoints: 4 });
  });
});

describe("limits when Redis is down", () => {
  it("count in this process's memory instead, and still refuse", async () => {
    // Port 1 on loopback: nothing listens, every connection is refused.
    const down = connectRedis("redis://127.0.0.1:1");
    try {
      const limiter = createLimiter(`down-${Date.now()}`, { points: 2, durationS: 60 }, down);
      await limiter.consume("203.0.113.11");
      await limiter.consume("203.0.113.11");
      await expect(limiter.consume("203.0.113.11")).rejects.toMatchObject({ remainingPoints: 0 });
    } finally {
      down.disconnect();
    }
  });
});
