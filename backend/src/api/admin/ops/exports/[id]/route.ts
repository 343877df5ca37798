import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http";
import { MedusaError } from "@medusajs/framework/utils";
import { z } from "@medusajs/framework/zod";
import { sendExportCsv } from "../../../../../lib/export-response";
import { FULFILMENT_EXPORT_MODULE } from "../../../../../modules/fulfilment-export";
import type FulfilmentExportModuleService from "../../../../../modules/fulfilment-export/service";

export const AdminExportId = z.string().regex(/^export_[0-9A-Z]{26}$/, "not an export id");

/**
 * GET /admin/ops/exports/:id: the file of an earlier export again (e.g. after its download
 * broke off): the lines still to ship of exactly the orders it handed over, cancelled ones
 * left out. Changes nothing.
 */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const id = AdminExportId.safeParse(req.params.id);
  if (!id.success) throw new MedusaError(MedusaError.Types.INVALID_DATA, "id: not an export id");
  const exportMarks: FulfilmentExportModuleService = req.scope.resolve(FULFILMENT_EXPORT_MODULE);
  const [mark] = await exportMarks.listFulfilmentExports({ export_id: id.data }, { take: 1 });
  if (!mark) {
    throw new MedusaError(
      MedusaError.Types.NOT_FOUND,
      `No export ${id.data} handed over any order.`,
    );
  }
  await sendExportCsv(req, res, {
    filter: { exportId: id.data },
    filename: `camslide-${id.data}.csv`,
    select: async (orders) => new Set(orders.map((o) => o.order_id)),
  });
}
