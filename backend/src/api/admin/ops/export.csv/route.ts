import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http";
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils";
import { z } from "@medusajs/framework/zod";
import type { Knex } from "@mikro-orm/knex";
import { exportHeader, exportRow } from "../../../../lib/export-csv";
import { exportPage } from "../../../../lib/ops-export-query";
import { FULFILMENT_EXPORT_MODULE } from "../../../../modules/fulfilment-export";
import type FulfilmentExportModuleService from "../../../../modules/fulfilment-export/service";

export const AdminExportQuery = z
  .object({
    batch: z.coerce.number().int().min(1).max(1_000_000).optional(),
    since: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}(T[\d:.]+Z)?$/, "since is a date like 2027-03-12")
      .refine((s) => !Number.isNaN(Date.parse(s)), "since is not a real date")
      .optional(),
    include_exported: z.enum(["0", "1"]).optional(),
  })
  .strict();

const PAGE_ORDERS = 500;

/**
 * GET /admin/ops/export.csv?batch=3&since=2027-01-01&include_exported=1: the 3PL's CSV, one
 * row per order line still to ship, streamed page by page. Each page's orders are marked
 * exported before their rows are written, so a second export (or one running at the same
 * time) leaves them out; `include_exported=1` repeats them, e.g. after a download broke off.
 */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const parsed = AdminExportQuery.safeParse(req.query);
  if (!parsed.success) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      parsed.error.issues.map((i) => `${i.path.join(".") || "query"}: ${i.message}`).join("; "),
    );
  }
  const { batch, since, include_exported } = parsed.data;
  const filter = {
    batch,
    since: since ? new Date(since) : undefined,
    includeExported: include_exported === "1",
  };
  const pg: Knex = req.scope.resolve(ContainerRegistrationKeys.PG_CONNECTION);
  const exportMarks: FulfilmentExportModuleService = req.scope.resolve(FULFILMENT_EXPORT_MODULE);
  const exportedAt = new Date();
  let closed = false;
  res.on("close", () => {
    closed = true;
  });
  const write = (chunk: string) =>
    res.write(chunk) ? Promise.resolve() : new Promise<void>((r) => res.once("drain", r));

  res.status(200);
  res.setHeader("content-type", "text/csv; charset=utf-8");
  res.setHeader(
    "content-disposition",
    `attachment; filename="camslide-${batch ? `batch-${batch}` : "orders"}-${exportedAt.toISOString().slice(0, 10)}.csv"`,
  );
  await write(exportHeader());
  let after = 0;
  while (!closed) {
    const page = await exportPage(pg, filter, after, PAGE_ORDERS);
    if (page.orderIds.length === 0) break;
    const batchOf = new Map(page.lines.map((l) => [l.order_id, l.batch_number]));
    const claimed = await exportMarks.claim(
      page.orderIds.map((order_id) => ({ order_id, batch_number: batchOf.get(order_id) ?? null })),
      exportedAt,
    );
    let chunk = "";
    for (const line of page.lines) {
      if (filter.includeExported || claimed.has(line.order_id)) chunk += exportRow(line);
    }
    await write(chunk);
    after = page.lastDisplayId;
    if (page.orderIds.length < PAGE_ORDERS) break;
  }
  res.end();
}
