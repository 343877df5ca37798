import { Module } from "@medusajs/framework/utils";
import RetailerModuleService from "./service";

export const RETAILER_MODULE = "retailer";

export default Module(RETAILER_MODULE, { service: RetailerModuleService });
