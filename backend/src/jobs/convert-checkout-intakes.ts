import type { MedusaContainer } from "@medusajs/framework/types";
import { drainIntakes } from "../lib/intake-converter";

/** Intakes converted at once per process; a launch's intakes arrive faster than this. */
const CONCURRENCY = Number(process.env.CAMSLIDE_INTAKE_CONVERTERS || 4);

/**
 * Every second, in the process that runs jobs (the one process of the embedded shop, or the
 * worker of a scaled-out one): turn waiting checkout intakes into orders. Also picks up
 * intakes whose converter died (their claim expired).
 */
export default async function convertCheckoutIntakes(container: MedusaContainer) {
  // Not awaited: a drain may run for minutes during a launch, and the next tick joins it.
  void drainIntakes(container, CONCURRENCY).catch((error) => {
    container.resolve("logger").error(`checkout intakes: ${String(error)}`);
  });
}

export const config = { name: "convert-checkout-intakes", schedule: "* * * * * *" };
