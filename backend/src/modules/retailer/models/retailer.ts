import { model } from "@medusajs/framework/utils";

/**
 * A shop that sells Camslide through the embedded configurator. `handle` is what its snippet
 * names (`retailer="acme"`); only pages on `allowed_origins` (exact `scheme://host[:port]`) earn
 * it a commission of `commission_bps` basis points (1000 = 10 %) on the items of the orders
 * they bring.
 */
export const Retailer = model.define("retailer", {
  id: model.id({ prefix: "ret" }).primaryKey(),
  handle: model.text().unique(),
  name: model.text(),
  allowed_origins: model.array(),
  commission_bps: model.number(),
});
