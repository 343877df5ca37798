import { Module } from "@medusajs/framework/utils";
import FulfilmentExportModuleService from "./service";

export const FULFILMENT_EXPORT_MODULE = "fulfilmentExport";

export default Module(FULFILMENT_EXPORT_MODULE, { service: FulfilmentExportModuleService });
