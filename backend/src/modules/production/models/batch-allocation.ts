import { model } from "@medusajs/framework/utils";
import { ProductionBatch } from "./production-batch";

/**
 * The units of one checkout, placed in one batch when it is accepted. `cart_id` is the key the
 * checkout allocated under: its cart (the order is found through Medusa's order-cart link) or
 * its checkout intake, whose order has no cart and is recorded in `order_id`.
 * lib/order-batches.ts finds an order's allocation either way.
 */
export const BatchAllocation = model
  .define("batch_allocation", {
    id: model.id({ prefix: "palloc" }).primaryKey(),
    cart_id: model.text().unique(),
    order_id: model.text().nullable(),
    units: model.number(),
    batch: model.belongsTo(() => ProductionBatch, { mappedBy: "allocations" }),
  })
  .indexes([
    { on: ["order_id"], unique: true, where: "order_id IS NOT NULL AND deleted_at IS NULL" },
  ]);
