/**
 * How Camslide is made and shipped in dated production batches. Every order is assigned, when
 * it is placed, to the earliest open batch with room, so each buyer is promised a ship date
 * the maker can keep. The backend seeds the first batches from this plan; the maker moves
 * dates and capacities in the admin afterwards.
 */
export const productionPlan = {
  /** Units one batch holds (what the factory makes and the 3PL ships in one run). */
  batchCapacityUnits: 5000,
  /** The ship-by date of batch 1 (ISO date). */
  firstBatchShipsBy: "2027-01-29",
  /** Days between consecutive batches' ship-by dates. */
  daysBetweenBatches: 14,
  /** Batches created when the shop is first seeded. */
  seededBatches: 3,
  /**
   * When every batch is full: "open-next" plans one more batch (up to `maxBatches`), "stop"
   * stops selling. Either way no order is taken that has no batch and date.
   */
  whenAllFull: "open-next",
  maxBatches: 12,
} as const satisfies {
  batchCapacityUnits: number;
  firstBatchShipsBy: string;
  daysBetweenBatches: number;
  seededBatches: number;
  whenAllFull: "open-next" | "stop";
  maxBatches: number;
};

export const batchStates = ["open", "full", "in_production", "shipping", "shipped"] as const;
export type BatchState = (typeof batchStates)[number];

/** The ship-by date of batch `number` (1-based) in the plan, as an ISO date. */
export function plannedShipsBy(number: number): string {
  const first = new Date(`${productionPlan.firstBatchShipsBy}T00:00:00Z`);
  first.setUTCDate(first.getUTCDate() + (number - 1) * productionPlan.daysBetweenBatches);
  return first.toISOString().slice(0, 10);
}
