import { model } from "@medusajs/framework/utils";
import { ProductionBatch } from "./production-batch";

/** The units of one cart's order, placed in one batch when the order is placed. */
export const BatchAllocation = model.define("batch_allocation", {
  id: model.id({ prefix: "palloc" }).primaryKey(),
  cart_id: model.text().unique(),
  units: model.number(),
  batch: model.belongsTo(() => ProductionBatch, { mappedBy: "allocations" }),
});
