import { model } from "@medusajs/framework/utils";

/** Units of a variant held by intakes not yet turned into orders. `id` is the variant id. */
export const IntakeHold = model.define("intake_hold", {
  id: model.text().primaryKey(),
  units: model.number().default(0),
});
