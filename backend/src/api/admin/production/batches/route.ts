import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http";
import { PRODUCTION_MODULE } from "../../../../modules/production";
import type ProductionModuleService from "../../../../modules/production/service";

/** GET /admin/production/batches: every batch with its fill, in order. */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const production: ProductionModuleService = req.scope.resolve(PRODUCTION_MODULE);
  const batches = await production.listProductionBatches({}, { order: { number: "ASC" } });
  res.json({ batches });
}
