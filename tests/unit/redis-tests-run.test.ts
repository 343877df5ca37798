import { describe, expect, it } from "vitest";
import { redisTestsRun } from "../support/redis.ts";

describe("whether the Redis scale-out tests run", () => {
  it.each([
    ["Redis answers, on a laptop", true, {}],
    ["Redis answers, in CI", true, { CI: "true" }],
  ])("runs them when %s", (_, reachable, env) => {
    expect(redisTestsRun(reachable, env)).toBe(true);
  });

  it.each([
    ["CI is not set", {}],
    ["CI=false", { CI: "false" }],
    ["CI=0", { CI: "0" }],
  ])("skips them on a machine without Redis when %s", (_, env) => {
    expect(redisTestsRun(false, env)).toBe(false);
  });

  it.each([["true"], ["1"], ["TRUE"]])("fails, naming Redis, without Redis when CI=%s", (ci) => {
    expect(() => redisTestsRun(false, { CI: ci }, "redis://127.0.0.1:6379/8")).toThrow(
      /Redis is not reachable at redis:\/\/127\.0\.0\.1:6379\/8, and CI must run/,
    );
  });
});
