import type { MedusaContainer } from "@medusajs/framework/types";
import { ContainerRegistrationKeys } from "@medusajs/framework/utils";
import { SYSTEM_PROVIDER_ID } from "./runtime-config";

/** The payment provider intakes are authorised with: Medusa's system provider, as the demo shop's. */
export const INTAKE_PAYMENT_PROVIDER = SYSTEM_PROVIDER_ID;

/** The order an intake becomes has the intake's ULID: a second order for it cannot be inserted. */
export function orderIdFor(intakeId: string): string {
  return intakeId.replace(/^cint_/, "order_");
}

/** One line's reservation of one inventory item, as Medusa's reserveInventoryStep takes it. */
export interface ReservationInput {
  id: string;
  variant_id: string;
  inventory_item_id: string;
  required_quantity: number;
  allow_backorder: boolean;
  quantity: number;
  location_ids: string[];
}

/** The stock locations each sales channel sells from. */
export async function channelLocations(
  container: MedusaContainer,
  channelIds: string[],
): Promise<Record<string, string[]>> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY);
  const { data } = await query.graph({
    entity: "sales_channel",
    fields: ["id", "stock_locations.id"],
    filters: { id: [...new Set(channelIds)] },
  });
  const locations: Record<string, string[]> = {};
  for (const channel of data as unknown as {
    id: string;
    stock_locations?: ({ id: string } | null)[] | null;
  }[]) {
    locations[channel.id] = (channel.stock_locations ?? []).flatMap((l) => (l ? [l.id] : []));
  }
  return locations;
}
