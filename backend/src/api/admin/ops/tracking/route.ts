import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http";
import { MedusaError } from "@medusajs/framework/utils";
import { z } from "@medusajs/framework/zod";
import { errorMessage } from "../../../../lib/error-message";
import { shipTrackedOrder } from "../../../../lib/ship-tracked-order";
import { parseTrackingCsv, type RejectedRow } from "../../../../lib/tracking-csv";

export const AdminTrackingQuery = z
  .object({ first_line: z.coerce.number().int().min(1).max(100_000_000).optional() })
  .strict();

/**
 * The most rows one request takes (each is two Medusa workflows), so a request stays well
 * inside HTTP timeouts; a longer file is sent in parts, as npm run ops does.
 */
export const MAX_TRACKING_ROWS = 500;
/** Orders shipped at once within one request. */
const TRACKING_CONCURRENCY = 4;

/**
 * POST /admin/ops/tracking (text/plain body: the 3PL's CSV with order_number, carrier,
 * tracking_number, shipped_date): ships each valid row's order in Medusa and reports every
 * row that was not shipped, with its line and reason. One bad row never stops the others.
 * `?first_line=N` numbers the lines of a part of a longer file as lines of that file.
 */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const query = AdminTrackingQuery.safeParse(req.query);
  if (!query.success) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      "first_line is a line number (1 or more)",
    );
  }
  if (typeof req.body !== "string") {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      "Send the tracking CSV as the request body with content-type text/plain.",
    );
  }
  let parsed: ReturnType<typeof parseTrackingCsv>;
  try {
    parsed = parseTrackingCsv(req.body, query.data.first_line ?? 1);
  } catch (error) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `Cannot read the tracking CSV: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  if (parsed.rows.length + parsed.rejected.length > MAX_TRACKING_ROWS) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `At most ${MAX_TRACKING_ROWS} rows per request; send a longer file in parts with ?first_line=`,
    );
  }
  const shipped: { line: number; order_number: number; fulfillment_id: string }[] = [];
  const rejected: RejectedRow[] = [...parsed.rejected];
  const actorId = req.auth_context?.actor_id;
  // A few orders at a time: each is mostly waiting on the database, and the lock per order
  // keeps a row that appears twice from shipping twice.
  let next = 0;
  const ship = async () => {
    for (let row = parsed.rows[next++]; row; row = parsed.rows[next++]) {
      try {
        const outcome = await shipTrackedOrder(req.scope, row, actorId);
        if (outcome.shipped) {
          shipped.push({
            line: row.line,
            order_number: row.orderNumber,
            fulfillment_id: outcome.fulfillment_id,
          });
        } else {
          rejected.push({
            line: row.line,
            order_number: String(row.orderNumber),
            reason: outcome.reason,
          });
        }
      } catch (error) {
        rejected.push({
          line: row.line,
          order_number: String(row.orderNumber),
          reason: `Medusa refused it: ${errorMessage(error)}`,
        });
      }
    }
  };
  await Promise.all(Array.from({ length: TRACKING_CONCURRENCY }, ship));
  shipped.sort((a, b) => a.line - b.line);
  rejected.sort((a, b) => a.line - b.line);
  res.json({ shipped, rejected });
}
