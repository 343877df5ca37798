import type { Context } from "@medusajs/framework/types";
import { InjectManager, MedusaContext, MedusaService } from "@medusajs/framework/utils";
import type { EntityManager } from "@mikro-orm/knex";
import { FulfilmentExport } from "./models/fulfilment-export";

export interface ExportMark {
  order_id: string;
  batch_number: number | null;
}

/** Which orders have gone to the 3PL. */
export default class FulfilmentExportModuleService extends MedusaService({ FulfilmentExport }) {
  /**
   * Marks orders as exported by export `exportId` and returns the ids this call marked: an
   * order another export marked first is not returned, so two exports running at once never
   * both hand it out. One statement per page of orders, not one per order.
   */
  @InjectManager()
  async claim(
    marks: ExportMark[],
    exportedAt: Date,
    exportId: string,
    @MedusaContext() sharedContext: Context<EntityManager> = {},
  ): Promise<Set<string>> {
    if (marks.length === 0) return new Set();
    const manager = sharedContext.manager as EntityManager;
    const rows = await manager.execute<{ order_id: string }[]>(
      `INSERT INTO fulfilment_export (id, order_id, exported_at, batch_number, export_id, created_at, updated_at)
       SELECT 'fexp_' || replace(gen_random_uuid()::text, '-', ''), m.order_id, ?, m.batch_number, ?, now(), now()
         FROM jsonb_to_recordset(?::jsonb) AS m(order_id text, batch_number int)
       ON CONFLICT (order_id) WHERE deleted_at IS NULL DO NOTHING
       RETURNING order_id`,
      [exportedAt, exportId, JSON.stringify(marks)],
    );
    return new Set(rows.map((r) => r.order_id));
  }
}
