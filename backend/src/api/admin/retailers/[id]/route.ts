import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http";
import { MedusaError } from "@medusajs/framework/utils";
import { retailerService } from "../../../embed/retailers";
import { AdminUpdateRetailer } from "../validators";

export { AdminUpdateRetailer };

/** POST /admin/retailers/:id {name?, allowed_origins?, commission_bps?} */
export async function POST(req: MedusaRequest, res: MedusaResponse) {
  const parsed = AdminUpdateRetailer.safeParse(req.body);
  if (!parsed.success) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; "),
    );
  }
  const service = retailerService(req.scope);
  const [existing] = await service.listRetailers({ id: req.params.id });
  if (!existing) throw new MedusaError(MedusaError.Types.NOT_FOUND, "No such retailer.");
  const retailer = await service.updateRetailers({ id: existing.id, ...parsed.data });
  res.json({ retailer });
}
