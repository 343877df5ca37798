import { model } from "@medusajs/framework/utils";

/**
 * One order handed to the 3PL: written when the order's lines go out in an export CSV, so the
 * next export leaves it out and the 3PL is never asked to ship it twice. `export_id` names the
 * export (one POST /admin/ops/exports) that handed it over, so that export's file can be
 * downloaded again without marking anything.
 */
export const FulfilmentExport = model
  .define("fulfilment_export", {
    id: model.id({ prefix: "fexp" }).primaryKey(),
    order_id: model.text().unique(),
    exported_at: model.dateTime(),
    batch_number: model.number().nullable(),
    export_id: model.text().nullable(),
  })
  .indexes([{ on: ["export_id"], where: "deleted_at IS NULL" }]);
