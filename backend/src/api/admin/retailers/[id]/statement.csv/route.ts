import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http";
import { MedusaError } from "@medusajs/framework/utils";
import { retailerOrderLines, statementCsv } from "../../../../../lib/retailer-report";
import { type RetailerRecord, retailerService } from "../../../../embed/retailers";
import { AdminStatementQuery } from "../../validators";

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * GET /admin/retailers/:id/statement.csv?from=2027-03-01&to=2027-03-31: the commission
 * statement for the orders placed in those days (UTC, both included).
 */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const parsed = AdminStatementQuery.safeParse(req.query);
  if (!parsed.success) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; "),
    );
  }
  const [retailer] = (await retailerService(req.scope).listRetailers({
    id: req.params.id,
  })) as unknown as RetailerRecord[];
  if (!retailer) throw new MedusaError(MedusaError.Types.NOT_FOUND, "No such retailer.");
  const from = new Date(`${parsed.data.from}T00:00:00Z`);
  const to = new Date(Date.parse(`${parsed.data.to}T00:00:00Z`) + DAY_MS);
  const lines = await retailerOrderLines(
    req.scope,
    { retailerId: retailer.id, from, to },
    retailer.commission_bps,
  );
  res.status(200);
  res.setHeader("content-type", "text/csv; charset=utf-8");
  res.setHeader(
    "content-disposition",
    `attachment; filename="camslide-commission-${retailer.handle}-${parsed.data.from}-${parsed.data.to}.csv"`,
  );
  res.send(statementCsv(lines, retailer.commission_bps));
}
