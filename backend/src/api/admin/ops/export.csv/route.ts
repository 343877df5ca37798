import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http";
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils";
import { z } from "@medusajs/framework/zod";
import type { Knex } from "@mikro-orm/knex";
import { exportHeader, exportRow } from "../../../../lib/export-csv";
import { streamExportLines } from "../../../../lib/ops-export-query";
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

/** Rows fetched from the cursor at a time: what the export holds in memory. */
const FETCH_ROWS = 1000;

/**
 * GET /admin/ops/export.csv?batch=3&since=2027-01-01&include_exported=1: the 3PL's CSV, one
 * row per order line still to ship, streamed from a database cursor. Each order is marked
 * exported before its rows are written, so a second export (or one running at the same
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
  // Waits while the client is slow (backpressure), so memory stays at one fetch of rows.
  const write = (chunk: string) =>
    res.write(chunk) || closed
      ? Promise.resolve()
      : new Promise<void>((r) => {
          res.once("drain", r);
          res.once("close", r);
        });

  res.status(200);
  res.setHeader("content-type", "text/csv; charset=utf-8");
  res.setHeader(
    "content-disposition",
    `attachment; filename="camslide-${batch ? `batch-${batch}` : "orders"}-${exportedAt.toISOString().slice(0, 10)}.csv"`,
  );
  await write(exportHeader());
  try {
    await writePages();
  } catch (error) {
    // The header is out, so no error status can follow. Break the download instead of ending
    // it: a file that just stops would look complete and its missing orders would never ship.
    req.scope.resolve(ContainerRegistrationKeys.LOGGER).error(`3PL export broke off: ${error}`);
    res.destroy(error instanceof Error ? error : new Error(String(error)));
    return;
  }
  res.end();

  async function writePages() {
    // An order's lines are contiguous; its first line decides whether it is ours to export.
    let current = "";
    let ours = false;
    await streamExportLines(pg, filter, FETCH_ROWS, async (lines) => {
      const fresh = [...new Map(lines.map((l) => [l.order_id, l.batch_number])).entries()].filter(
        ([id]) => id !== current,
      );
      const claimed = await exportMarks.claim(
        fresh.map(([order_id, batch_number]) => ({ order_id, batch_number })),
        exportedAt,
      );
      let chunk = "";
      for (const line of lines) {
        if (line.order_id !== current) {
          current = line.order_id;
          ours = filter.includeExported || claimed.has(line.order_id);
        }
        if (ours) chunk += exportRow(line);
      }
      await write(chunk);
      return !closed;
    });
  }
}
