import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http";
import {
  ContainerRegistrationKeys,
  generateEntityId,
  MedusaError,
} from "@medusajs/framework/utils";
import { z } from "@medusajs/framework/zod";
import { type PageOrder, sendExportCsv } from "../../../../lib/export-response";
import { withOrderHandoffLock } from "../../../../lib/order-handoff-lock";
import { FULFILMENT_EXPORT_MODULE } from "../../../../modules/fulfilment-export";
import type FulfilmentExportModuleService from "../../../../modules/fulfilment-export/service";

export const AdminCreateExport = z
  .object({
    batch: z.number().int().min(1).max(1_000_000).optional(),
    since: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}(T[\d:.]+Z)?$/, "since is a date like 2027-03-12")
      .refine((s) => !Number.isNaN(Date.parse(s)), "since is not a real date")
      .optional(),
  })
  .strict();

/** The header that names the export, for downloading its file again. */
export const EXPORT_ID_HEADER = "x-camslide-export-id";

/**
 * POST /admin/ops/exports {batch?, since?} (JSON): hands every order that matches and was never
 * exported to the 3PL, and answers with the CSV (one row per order line still to ship). Each
 * page of orders is checked and marked under the orders' hand-off lock, the one a buyer's
 * cancel takes, so an order cancelled before its page is left out and a cancel after it is
 * refused. Two exports at once never hand out the same order. The response's
 * `x-camslide-export-id` names the export: GET /admin/ops/exports/:id downloads its file again.
 *
 * A POST with a JSON body, because it changes state: a page on another site can navigate the
 * admin's browser to a GET, but cannot send JSON with the admin's cookie.
 */
export async function POST(req: MedusaRequest, res: MedusaResponse) {
  if (!req.is("application/json")) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      'Send the export\'s filters as JSON (content-type: application/json), e.g. {} or {"batch": 3}.',
    );
  }
  const parsed = AdminCreateExport.safeParse(req.body ?? {});
  if (!parsed.success) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      parsed.error.issues.map((i) => `${i.path.join(".") || "body"}: ${i.message}`).join("; "),
    );
  }
  const { batch, since } = parsed.data;
  const exportMarks: FulfilmentExportModuleService = req.scope.resolve(FULFILMENT_EXPORT_MODULE);
  const exportId = generateEntityId(undefined, "export");
  const exportedAt = new Date();
  await sendExportCsv(req, res, {
    filter: { batch, since: since ? new Date(since) : undefined },
    filename: `camslide-${batch ? `batch-${batch}` : "orders"}-${exportedAt.toISOString().slice(0, 10)}.csv`,
    headers: { [EXPORT_ID_HEADER]: exportId },
    select: (orders) =>
      withOrderHandoffLock(
        req.scope,
        orders.map((o) => o.order_id),
        async () => exportMarks.claim(await notCancelled(req, orders), exportedAt, exportId),
      ),
  });
}

/**
 * The cursor read its snapshot when the export began; a buyer may have cancelled since. Read
 * again under the lock, so the export marks exactly what it writes.
 */
async function notCancelled(req: MedusaRequest, orders: PageOrder[]): Promise<PageOrder[]> {
  if (orders.length === 0) return [];
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY);
  const { data } = await query.graph({
    entity: "order",
    fields: ["id", "status", "canceled_at"],
    filters: { id: orders.map((o) => o.order_id) },
  });
  const open = new Set(
    (data as { id: string; status: string; canceled_at: unknown }[])
      .filter((o) => o.status !== "canceled" && !o.canceled_at)
      .map((o) => o.id),
  );
  return orders.filter((o) => open.has(o.order_id));
}
