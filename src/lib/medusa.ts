import Medusa from "@medusajs/js-sdk";

/** Where Medusa answers, and the storefront's publishable key (sent with every store call). */
export const backendUrl = import.meta.env.PUBLIC_MEDUSA_BACKEND_URL ?? "http://localhost:9000";
export const publishableKey = import.meta.env.PUBLIC_MEDUSA_PUBLISHABLE_KEY ?? "";

/**
 * The one Medusa client of the storefront. Every price, stock figure and total the shopper
 * sees comes through it from Medusa; the storefront never computes one of its own.
 */
export const medusa = new Medusa({ baseUrl: backendUrl, publishableKey });
