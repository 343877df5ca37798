import Medusa from "@medusajs/js-sdk";

/**
 * The one Medusa client of the storefront. Every price, stock figure and total the shopper
 * sees comes through it from Medusa; the storefront never computes one of its own.
 */
export const medusa = new Medusa({
  baseUrl: import.meta.env.PUBLIC_MEDUSA_BACKEND_URL ?? "http://localhost:9000",
  publishableKey: import.meta.env.PUBLIC_MEDUSA_PUBLISHABLE_KEY ?? "",
});
