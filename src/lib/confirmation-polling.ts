/**
 * When the confirmation page asks again whether its checkout has become an order. One schedule,
 * shared by the page (OrderConfirmation.tsx) and the launch benchmark (bench/launch/flows.ts), so
 * the benchmark's load is the load the pages make: a launch's queue can take many minutes, and
 * every waiting page asking each second would slow the conversion it waits for.
 */
export const confirmationPolling = {
  /** Every second at first: an order is usually made within seconds. */
  fastMs: 1_000,
  fastAttempts: 10,
  /** Then every 5 s. */
  slowMs: 5_000,
  /** The longest the page waits when the shop says its order is still far off. */
  maxHintMs: 30_000,
  /** After 2 minutes the page rests until the shopper presses "Check again". */
  restAfterMs: 120_000,
} as const;

/**
 * How long to wait before asking again, after `attempt` answers (0 after the first), or
 * undefined when the page should rest. The shop's hint (`poll_after_ms`: about when the order
 * should exist, from the checkout's place in the queue) is followed when it gives one, kept
 * between 1 and 30 s.
 */
export function nextPollDelayMs(
  attempt: number,
  elapsedMs: number,
  hintMs?: number,
): number | undefined {
  if (elapsedMs > confirmationPolling.restAfterMs) return undefined;
  if (hintMs !== undefined && Number.isFinite(hintMs)) {
    return Math.min(confirmationPolling.maxHintMs, Math.max(confirmationPolling.fastMs, hintMs));
  }
  return attempt < confirmationPolling.fastAttempts
    ? confirmationPolling.fastMs
    : confirmationPolling.slowMs;
}
