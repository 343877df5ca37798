import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http";
import { PRODUCTION_MODULE } from "../../../../modules/production";
import type ProductionModuleService from "../../../../modules/production/service";

/**
 * GET /store/production/progress: every batch's date, state and how many units are promised
 * from it, for the public progress page. Counts only: nothing about any buyer.
 */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const production: ProductionModuleService = req.scope.resolve(PRODUCTION_MODULE);
  const batches = await production.listProductionBatches({}, { order: { number: "ASC" } });
  res.set("cache-control", "public, max-age=60");
  res.json({
    batches: batches.map((b) => ({
      number: b.number,
      ships_by: new Date(b.ships_by).toISOString().slice(0, 10),
      state: b.state,
      capacity_units: b.capacity_units,
      ordered_units: b.allocated_units,
    })),
  });
}
