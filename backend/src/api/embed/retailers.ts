import type { MedusaContainer } from "@medusajs/framework/types";
import { ContainerRegistrationKeys } from "@medusajs/framework/utils";
import { RETAILER_MODULE } from "../../modules/retailer";
import type RetailerModuleService from "../../modules/retailer/service";

export interface RetailerRecord {
  id: string;
  handle: string;
  name: string;
  allowed_origins: string[];
  commission_bps: number;
}

export function retailerService(container: MedusaContainer): RetailerModuleService {
  return container.resolve(RETAILER_MODULE);
}

export async function retailerByHandle(
  container: MedusaContainer,
  handle: unknown,
): Promise<RetailerRecord | undefined> {
  if (typeof handle !== "string" || !/^[a-z0-9][a-z0-9-]{0,62}$/.test(handle)) return undefined;
  const [found] = await retailerService(container).listRetailers({ handle });
  return found as unknown as RetailerRecord | undefined;
}

/** The key attribution tokens are signed with (derived per purpose in lib/attribution.ts). */
export function attributionSecret(container: MedusaContainer): string {
  const config = container.resolve(ContainerRegistrationKeys.CONFIG_MODULE);
  return process.env.ORDER_LINK_SECRET || String(config.projectConfig.http.cookieSecret);
}

/** The shop's own storefront origins (STORE_CORS): where the iframe's page runs. */
export function storefrontOrigins(container: MedusaContainer): string[] {
  const config = container.resolve(ContainerRegistrationKeys.CONFIG_MODULE);
  return String(config.projectConfig.http.storeCors ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
}
