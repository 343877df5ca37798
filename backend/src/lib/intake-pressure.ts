/**
 * How fast this process is accepting checkout intakes right now, and so how much its converters
 * may take. When one process both accepts and converts (the embedded shop), conversion steps
 * aside while a launch is pouring in, so shoppers are answered at once and the orders are made
 * when the rush slows, the way ticketing sites take an on-sale. Only accepted intakes count (a
 * refused request costs the shop little and must not pause anything), and no arrival pattern
 * starves conversion: while paused, one small batch is still converted every few seconds.
 *
 * - CAMSLIDE_INTAKE_PAUSE_ABOVE: accepted intakes per second above which conversion pauses
 *   (default 5; "Infinity" never pauses).
 * - CAMSLIDE_INTAKE_FLOOR_SECONDS: while paused, a converter still takes a batch this often
 *   (default 5).
 * - CAMSLIDE_INTAKE_FLOOR_BATCH: the size of that batch (default 5).
 */
export interface ConversionPaceOptions {
  pauseAbovePerSecond: number;
  floorEveryMs: number;
  floorBatch: number;
  windowMs?: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

export class ConversionPace {
  private readonly arrivals: number[] = [];
  private readonly windowMs: number;
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<void>;
  /** When a converter of this process last took a batch: the floor counts from there. */
  private lastTurnAt = Number.NEGATIVE_INFINITY;
  private readonly options: ConversionPaceOptions;

  constructor(options: ConversionPaceOptions) {
    this.options = options;
    this.windowMs = options.windowMs ?? 2_000;
    this.now = options.now ?? Date.now;
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
  }

  /** An intake was stored (never call it for a request that was refused or replayed). */
  noteAccepted(): void {
    const now = this.now();
    this.trim(now);
    this.arrivals.push(now);
  }

  /** True while accepted intakes arrive faster than the pause threshold. */
  paused(): boolean {
    this.trim(this.now());
    return this.arrivals.length / (this.windowMs / 1000) > this.options.pauseAbovePerSecond;
  }

  /**
   * Waits for a converter's next turn and says how many intakes it may claim: `batch` when the
   * rush is slow enough, else the floor's small batch once every floorEveryMs (shared by all
   * converters of this process).
   */
  async turn(batch: number): Promise<number> {
    for (;;) {
      const now = this.now();
      if (!this.paused()) {
        this.lastTurnAt = now;
        return batch;
      }
      if (now - this.lastTurnAt >= this.options.floorEveryMs) {
        this.lastTurnAt = now;
        return Math.max(1, Math.min(batch, this.options.floorBatch));
      }
      await this.sleep(250);
    }
  }

  /** The pace conversion keeps even during a rush: orders a second, at the least. */
  floorPerSecond(): number {
    return this.options.floorBatch / (this.options.floorEveryMs / 1000);
  }

  private trim(now: number): void {
    while (this.arrivals.length > 0 && (this.arrivals[0] ?? 0) < now - this.windowMs) {
      this.arrivals.shift();
    }
  }
}

function numberFrom(name: string, fallback: number): number {
  const value = Number(process.env[name] || fallback);
  return Number.isNaN(value) ? fallback : value;
}

/** This process's pace, configured from the environment. */
export const intakePace = new ConversionPace({
  pauseAbovePerSecond: numberFrom("CAMSLIDE_INTAKE_PAUSE_ABOVE", 5),
  floorEveryMs: numberFrom("CAMSLIDE_INTAKE_FLOOR_SECONDS", 5) * 1000,
  floorBatch: numberFrom("CAMSLIDE_INTAKE_FLOOR_BATCH", 5),
});
