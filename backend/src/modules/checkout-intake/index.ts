import { Module } from "@medusajs/framework/utils";
import CheckoutIntakeModuleService from "./service";

export const CHECKOUT_INTAKE_MODULE = "checkoutIntake";

export default Module(CHECKOUT_INTAKE_MODULE, { service: CheckoutIntakeModuleService });
