import type { MedusaContainer } from "@medusajs/framework/types";
import { RETAILER_MODULE } from "../modules/retailer";
import type RetailerModuleService from "../modules/retailer/service";

/** The embedded demo's retailer, whose site `npm start` serves on a port of its own. */
export const DEMO_RETAILER = { handle: "acme", name: "Acme Gadgets", commission_bps: 1000 };

/**
 * Registers the demo retailer, or points it at this start's retailer-site origins (the port
 * is chosen at every start): CAMSLIDE_DEMO_RETAILER_ORIGINS, comma-separated. Unset: nothing.
 */
export async function ensureDemoRetailer(container: MedusaContainer): Promise<void> {
  const origins = (process.env.CAMSLIDE_DEMO_RETAILER_ORIGINS ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  if (origins.length === 0) return;
  const service: RetailerModuleService = container.resolve(RETAILER_MODULE);
  const [existing] = await service.listRetailers({ handle: DEMO_RETAILER.handle });
  if (existing) await service.updateRetailers({ id: existing.id, allowed_origins: origins });
  else await service.createRetailers({ ...DEMO_RETAILER, allowed_origins: origins });
}
