import { batchStates } from "@camslide/product";
import { model } from "@medusajs/framework/utils";
import { BatchAllocation } from "./batch-allocation";

/** A dated production run: what the buyer's ship-by promise is made from. */
export const ProductionBatch = model.define("production_batch", {
  id: model.id({ prefix: "pbatch" }).primaryKey(),
  number: model.number().unique(),
  capacity_units: model.number(),
  allocated_units: model.number().default(0),
  /** Units made so far, reported by the maker (admin); shown on the public progress page. */
  produced_units: model.number().default(0),
  ships_by: model.dateTime(),
  state: model.enum([...batchStates]).default("open"),
  allocations: model.hasMany(() => BatchAllocation, { mappedBy: "batch" }),
});
