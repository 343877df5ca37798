import { routes, type ShopLocale } from "@camslide/product";
import type { MedusaContainer } from "@medusajs/framework/types";
import { ContainerRegistrationKeys } from "@medusajs/framework/utils";
import { linkSecret } from "../api/store/order-status/status";
import { emailLocale } from "./emails";
import { signOrderLink } from "./order-links";

export interface MailOrder {
  id: string;
  display_id: number;
  email: string | null;
  status: string;
  locale: ShopLocale;
}

/** The buyer's signed status link, in the language they shopped in. */
export function statusLink(container: MedusaContainer, orderId: string, locale: ShopLocale) {
  const storefront = (process.env.STOREFRONT_URL || "http://localhost:4321").replace(/\/$/, "");
  const token = signOrderLink(orderId, linkSecret(container));
  return `${storefront}${routes.status[locale]}?token=${encodeURIComponent(token)}`;
}

/** What an email about these orders needs: number, address, status and the buyer's language. */
export async function ordersForMail(
  container: MedusaContainer,
  ids: string[],
): Promise<MailOrder[]> {
  if (ids.length === 0) return [];
  const query = container.resolve(ContainerRegistrationKeys.QUERY);
  const { data } = await query.graph({
    entity: "order",
    fields: ["id", "display_id", "email", "status", "metadata"],
    filters: { id: ids },
  });
  return (
    data as unknown as (Omit<MailOrder, "locale"> & { metadata: Record<string, unknown> | null })[]
  ).map(({ metadata, ...order }) => ({ ...order, locale: emailLocale(metadata) }));
}
