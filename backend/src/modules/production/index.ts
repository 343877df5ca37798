import { Module } from "@medusajs/framework/utils";
import ProductionModuleService from "./service";

export const PRODUCTION_MODULE = "production";

/** Emitted when the maker moves a batch's ship-by date: {batch_id, from, to}. */
export const BATCH_DATE_CHANGED = "production.batch_date_changed";

export default Module(PRODUCTION_MODULE, { service: ProductionModuleService });
