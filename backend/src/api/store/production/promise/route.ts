import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http";
import { MedusaError } from "@medusajs/framework/utils";
import { z } from "@medusajs/framework/zod";
import { PRODUCTION_MODULE } from "../../../../modules/production";
import type ProductionModuleService from "../../../../modules/production/service";

export const StorePromiseQuery = z.object({
  units: z.coerce.number().int().min(1).max(10_000).default(1),
});

/**
 * GET /store/production/promise?units=2: the batch and ship-by date an order of that many
 * units would get if placed now. The order's own promise is fixed when it is placed.
 */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const parsed = StorePromiseQuery.safeParse(req.query);
  if (!parsed.success) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      "units must be a whole number from 1 to 10000",
    );
  }
  const production: ProductionModuleService = req.scope.resolve(PRODUCTION_MODULE);
  const quote = await production.quote(parsed.data.units);
  res.json(
    quote
      ? { available: true, batch: { number: quote.number, ships_by: quote.ships_by } }
      : { available: false, batch: null },
  );
}
