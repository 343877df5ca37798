import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http";
import { ContainerRegistrationKeys } from "@medusajs/framework/utils";
import type { Knex } from "@mikro-orm/knex";
import { exportHeader, exportRow } from "./export-csv";
import { type ExportFilter, type ExportLine, streamExportLines } from "./ops-export-query";

/** Rows fetched from the cursor at a time: what the export holds in memory. */
const FETCH_ROWS = 1000;

/** An order met for the first time in a page of lines, with its batch. */
export interface PageOrder {
  order_id: string;
  batch_number: number | null;
}

/**
 * Streams the 3PL's CSV for `filter` to `res`, from a database cursor with backpressure, so
 * memory stays at one fetch of rows. `select` gets each page's new orders and returns the ids
 * whose lines go into the file (an order's lines are contiguous: its first line decides).
 * If anything fails after the header went out, the download is broken off rather than ended:
 * a file that just stops would look complete and its missing orders would never ship.
 */
export async function sendExportCsv(
  req: MedusaRequest,
  res: MedusaResponse,
  options: {
    filter: ExportFilter;
    filename: string;
    headers?: Record<string, string>;
    select: (orders: PageOrder[]) => Promise<Set<string>>;
  },
): Promise<void> {
  const pg: Knex = req.scope.resolve(ContainerRegistrationKeys.PG_CONNECTION);
  let closed = false;
  res.on("close", () => {
    closed = true;
  });
  const write = (chunk: string) =>
    res.write(chunk) || closed
      ? Promise.resolve()
      : new Promise<void>((r) => {
          res.once("drain", r);
          res.once("close", r);
        });

  res.status(200);
  res.setHeader("content-type", "text/csv; charset=utf-8");
  res.setHeader("content-disposition", `attachment; filename="${options.filename}"`);
  for (const [name, value] of Object.entries(options.headers ?? {})) res.setHeader(name, value);
  await write(exportHeader());
  let current = "";
  let ours = false;
  try {
    await streamExportLines(pg, options.filter, FETCH_ROWS, async (lines: ExportLine[]) => {
      const fresh = [...new Map(lines.map((l) => [l.order_id, l.batch_number])).entries()]
        .filter(([id]) => id !== current)
        .map(([order_id, batch_number]) => ({ order_id, batch_number }));
      const selected = await options.select(fresh);
      let chunk = "";
      for (const line of lines) {
        if (line.order_id !== current) {
          current = line.order_id;
          ours = selected.has(line.order_id);
        }
        if (ours) chunk += exportRow(line);
      }
      await write(chunk);
      return !closed;
    });
  } catch (error) {
    req.scope.resolve(ContainerRegistrationKeys.LOGGER).error(`3PL export broke off: ${error}`);
    res.destroy(error instanceof Error ? error : new Error(String(error)));
    return;
  }
  res.end();
}
