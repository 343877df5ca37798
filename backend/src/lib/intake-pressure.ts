/**
 * How fast this process is accepting checkout intakes right now. When one process both accepts
 * and converts (the embedded shop), conversion steps aside while a launch is pouring in, so
 * shoppers are answered at once and the orders are made when the rush slows, the way ticketing
 * sites take an on-sale. Set CAMSLIDE_INTAKE_PAUSE_ABOVE (intakes per second, default 5) to
 * tune it; "Infinity" never pauses.
 */
const WINDOW_MS = 2_000;
const pauseAbove = Number(process.env.CAMSLIDE_INTAKE_PAUSE_ABOVE || 5);
const arrivals: number[] = [];

function trim(now: number): void {
  while (arrivals.length > 0 && (arrivals[0] ?? 0) < now - WINDOW_MS) arrivals.shift();
}

export function noteIntake(): void {
  const now = Date.now();
  trim(now);
  arrivals.push(now);
}

/** Resolves once this process is accepting intakes slower than the pause threshold. */
export async function quietEnough(): Promise<void> {
  for (;;) {
    const now = Date.now();
    trim(now);
    if (arrivals.length / (WINDOW_MS / 1000) <= pauseAbove) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
