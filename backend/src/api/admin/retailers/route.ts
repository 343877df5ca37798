import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http";
import { MedusaError } from "@medusajs/framework/utils";
import { retailerOrderLines, totalsByCurrency } from "../../../lib/retailer-report";
import { retailerReview } from "../../../lib/retailer-review";
import { type RetailerRecord, retailerService } from "../../embed/retailers";
import { AdminCreateRetailer } from "./validators";

export { AdminCreateRetailer };

function invalid(issues: { path: PropertyKey[]; message: string }[]): never {
  throw new MedusaError(
    MedusaError.Types.INVALID_DATA,
    issues.map((i) => `${i.path.join(".") || "body"}: ${i.message}`).join("; "),
  );
}

/**
 * GET /admin/retailers: every retailer with its orders and revenue per currency, and the
 * signals that let the maker review its claims (lib/retailer-review.ts).
 */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const retailers = (await retailerService(req.scope).listRetailers(
    {},
    { order: { handle: "ASC" } },
  )) as unknown as RetailerRecord[];
  const withTotals = await Promise.all(
    retailers.map(async (r) => {
      const lines = await retailerOrderLines(req.scope, { retailerId: r.id }, r.commission_bps);
      return {
        ...r,
        totals: totalsByCurrency(lines),
        review: await retailerReview(req.scope, r.id, lines),
        orders: lines.slice(-50).reverse(),
      };
    }),
  );
  res.json({ retailers: withTotals });
}

/** POST /admin/retailers {handle, name, allowed_origins, commission_bps}: registers one. */
export async function POST(req: MedusaRequest, res: MedusaResponse) {
  const parsed = AdminCreateRetailer.safeParse(req.body);
  if (!parsed.success) invalid(parsed.error.issues);
  const service = retailerService(req.scope);
  const [existing] = await service.listRetailers({ handle: parsed.data.handle });
  if (existing) {
    throw new MedusaError(MedusaError.Types.DUPLICATE_ERROR, "A retailer has this handle.");
  }
  const retailer = await service.createRetailers(parsed.data);
  res.status(201).json({ retailer });
}
