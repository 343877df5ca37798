import { describe, expect, it } from "vitest";
import {
  POLL_AFTER_MS,
  pollAfterMs,
} from "../../backend/src/api/store/checkout-intakes/poll-after.ts";
import { confirmationPolling, nextPollDelayMs } from "../../src/lib/confirmation-polling.ts";

const at = (s: number) => new Date(Date.UTC(2027, 0, 1, 9, 0, s));

describe("when a waiting checkout's page is told to ask again", () => {
  const rush = { waiting: 3_000, oldest: at(0), newest: at(59), doneLast10s: 10 };

  it.each([
    ["the first in a long queue", at(0), "pending", 1_000],
    ["one a third down a queue converting 1 a second", at(20), "pending", 30_000],
    ["the last of the queue", at(59), "pending", 30_000],
    ["one being converted", at(59), "converting", 1_000],
  ])("%s: %i ms", (_name, createdAt, status, expected) => {
    expect(pollAfterMs(createdAt, status, rush, 1)).toBe(expected);
  });

  it("follows the pace of the last 10 s: 50 ahead at 25 orders a second is 2 s", () => {
    const shape = { waiting: 100, oldest: at(0), newest: at(10), doneLast10s: 250 };
    expect(pollAfterMs(at(5), "pending", shape, 1)).toBe(2_000);
  });

  it("counts on the rush's floor when no order was made lately (never divides by nothing)", () => {
    const stalled = { waiting: 12, oldest: at(0), newest: at(0), doneLast10s: 0 };
    expect(pollAfterMs(at(0), "pending", stalled, 1)).toBe(12_000);
    expect(pollAfterMs(at(0), "pending", stalled, 0)).toBe(POLL_AFTER_MS.max);
  });
});

describe("the confirmation page's schedule", () => {
  it("asks every second, then every 5 s, and rests after 2 minutes without a hint", () => {
    expect(nextPollDelayMs(0, 0)).toBe(1_000);
    expect(nextPollDelayMs(confirmationPolling.fastAttempts, 20_000)).toBe(5_000);
    expect(nextPollDelayMs(3, confirmationPolling.restAfterMs + 1)).toBeUndefined();
  });

  it.each([
    [12_000, 12_000],
    [50, 1_000],
    [600_000, 30_000],
    [Number.NaN, 1_000],
  ])("follows the shop's hint of %i ms within 1 to 30 s: %i ms", (hint, expected) => {
    expect(nextPollDelayMs(0, 0, hint)).toBe(expected);
  });
});
