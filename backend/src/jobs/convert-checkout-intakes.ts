import type { MedusaContainer } from "@medusajs/framework/types";
import { drainIntakes, sweepOrphanAllocations } from "../lib/intake-converter";

/** Conversion loops per process, and intakes each turns into orders at once. */
const CONVERTERS = Number(process.env.CAMSLIDE_INTAKE_CONVERTERS || 2);
const BATCH = Number(process.env.CAMSLIDE_INTAKE_BATCH || 25);

/**
 * Every second, in the process that runs jobs (the one process of the embedded shop, or the
 * worker of a scaled-out one): turn waiting checkout intakes into orders. Also picks up
 * intakes whose converter died (no heartbeat for CAMSLIDE_INTAKE_CLAIM_SECONDS), and on its
 * first run gives back batch places a crash left without an intake or order.
 */
export default async function convertCheckoutIntakes(container: MedusaContainer) {
  void sweepOrphanAllocations(container).catch((error) => {
    container.resolve("logger").error(`production batches: orphan sweep failed: ${String(error)}`);
  });
  // Not awaited: a drain may run for minutes during a launch, and the next tick joins it.
  void drainIntakes(container, CONVERTERS, BATCH).catch((error) => {
    container.resolve("logger").error(`checkout intakes: ${String(error)}`);
  });
}

export const config = { name: "convert-checkout-intakes", schedule: "* * * * * *" };
