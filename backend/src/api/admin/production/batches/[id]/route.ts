import { batchStates } from "@camslide/product";
import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http";
import { MedusaError, Modules } from "@medusajs/framework/utils";
import { z } from "@medusajs/framework/zod";
import { BATCH_DATE_CHANGED, PRODUCTION_MODULE } from "../../../../../modules/production";
import type ProductionModuleService from "../../../../../modules/production/service";

export const AdminUpdateBatch = z
  .object({
    capacity_units: z.number().int().min(0).max(1_000_000).optional(),
    ships_by: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, "ships_by is a date like 2027-03-12")
      .optional(),
    state: z.enum(batchStates).optional(),
    produced_units: z.number().int().min(0).max(1_000_000).optional(),
  })
  .strict();

/**
 * POST /admin/production/batches/:id: change a batch's capacity, date, state or units produced. A capacity
 * below what is already allocated is refused: promises already made are kept.
 * A new ships_by tells every buyer in the batch (subscribers/batch-date-changed.ts).
 */
export async function POST(req: MedusaRequest, res: MedusaResponse) {
  const parsed = AdminUpdateBatch.safeParse(req.body);
  if (!parsed.success) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      parsed.error.issues.map((i) => i.message).join("; "),
    );
  }
  const production: ProductionModuleService = req.scope.resolve(PRODUCTION_MODULE);
  const batch = await production.retrieveProductionBatch(req.params.id ?? "");
  const { capacity_units, ships_by, state, produced_units } = parsed.data;
  const capacityAfter = capacity_units ?? batch.capacity_units;
  if (produced_units !== undefined && produced_units > capacityAfter) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `Batch ${batch.number} holds ${capacityAfter} units; ${produced_units} produced is more than that.`,
    );
  }
  if (capacity_units !== undefined && !(await production.setCapacity(batch.id, capacity_units))) {
    throw new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      `Batch ${batch.number} already has more units promised than ${capacity_units}; its capacity cannot go below that.`,
    );
  }
  if (ships_by || state || produced_units !== undefined) {
    await production.updateProductionBatches({
      id: batch.id,
      ...(state ? { state } : {}),
      ...(produced_units !== undefined ? { produced_units } : {}),
      ...(ships_by ? { ships_by: new Date(`${ships_by}T00:00:00Z`) } : {}),
    });
  }
  const updated = await production.retrieveProductionBatch(batch.id);
  const before = new Date(batch.ships_by).toISOString().slice(0, 10);
  if (ships_by && ships_by !== before) {
    const events = req.scope.resolve(Modules.EVENT_BUS);
    await events.emit({
      name: BATCH_DATE_CHANGED,
      data: { batch_id: batch.id, from: before, to: ships_by },
    });
  }
  res.json({ batch: updated });
}
