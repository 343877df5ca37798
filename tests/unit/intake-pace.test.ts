import { describe, expect, it } from "vitest";
import { ConversionPace } from "../../backend/src/lib/intake-pressure.ts";

/** A clock that only moves when the converter sleeps, with intakes arriving at `perSecond`. */
function rush(perSecond: number, options: { floorEveryMs: number; floorBatch: number }) {
  let now = 0;
  let nextArrival = 0;
  /** Time passes (the converter sleeps or works) while intakes keep being accepted. */
  const pass = async (ms: number) => {
    const until = now + ms;
    while (nextArrival <= until) {
      now = nextArrival;
      pace.noteAccepted();
      nextArrival += 1000 / perSecond;
    }
    now = until;
  };
  const pace: ConversionPace = new ConversionPace({
    pauseAbovePerSecond: 5,
    ...options,
    now: () => now,
    sleep: pass,
  });
  return { pace, clock: () => now, pass };
}

describe("the conversion pace", () => {
  it("takes full batches while accepted intakes arrive slower than the pause threshold", async () => {
    const { pace, pass } = rush(2, { floorEveryMs: 5_000, floorBatch: 5 });
    await pass(2_000);
    expect(await pace.turn(25)).toBe(25);
    expect(await pace.turn(25)).toBe(25);
  });

  it.each([
    [20, 5_000, 5],
    [200, 2_000, 3],
  ])(
    "still converts a floor batch every few seconds while %i intakes a second keep arriving",
    async (perSecond, floorEveryMs, floorBatch) => {
      const { pace, clock, pass } = rush(perSecond, { floorEveryMs, floorBatch });
      await pass(2_000);
      const turns: { at: number; size: number }[] = [];
      while (clock() < 60_000) {
        const size = await pace.turn(25);
        turns.push({ at: clock(), size });
        // The converter works between turns while the rush goes on.
        await pass(250);
      }
      expect(pace.paused()).toBe(true);
      expect(turns.length).toBeGreaterThanOrEqual(60_000 / floorEveryMs - 1);
      expect(turns.every((turn) => turn.size === floorBatch)).toBe(true);
      const gaps = turns.slice(1).map((turn, i) => turn.at - (turns[i]?.at ?? 0));
      expect(Math.max(...gaps)).toBeLessThanOrEqual(floorEveryMs + 250);
    },
  );
});
