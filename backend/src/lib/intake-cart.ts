import type { MedusaContainer } from "@medusajs/framework/types";
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils";

/** Query results are typed from .medusa/types, which only `medusa build` writes: typed here. */
interface CartRow {
  id: string;
  region_id: string | null;
  sales_channel_id: string | null;
  completed_at: string | Date | null;
  items?: ({ variant_id: string | null; quantity: unknown } | null)[] | null;
  promotions?: ({ id?: string } | null)[] | null;
}

export interface IntakeCart {
  id: string;
  region_id: string;
  sales_channel_id: string;
  items: { variant_id: string; quantity: number }[];
}

const CART_ID = /^cart_[0-9A-Z]{26}$/;

/**
 * The storefront cart a checkout intake (or its quote) is made from: its lines and region, as
 * Medusa holds them. Refused: a cart that is unknown or checked out, empty, sold through
 * another sales channel, or with a promotion code (a promotion's adjustments and usage limits
 * are Medusa's cart completion's to apply; such a cart goes through the shop's checkout).
 */
export async function intakeCart(
  container: MedusaContainer,
  cartId: string,
  salesChannelId: string,
): Promise<IntakeCart> {
  const notFound = () => new MedusaError(MedusaError.Types.NOT_FOUND, "No open cart with this id.");
  if (!CART_ID.test(cartId)) throw notFound();
  const query = container.resolve(ContainerRegistrationKeys.QUERY);
  const { data } = await query.graph({
    entity: "cart",
    fields: [
      "id",
      "region_id",
      "sales_channel_id",
      "completed_at",
      "items.variant_id",
      "items.quantity",
      "promotions.id",
    ],
    filters: { id: cartId },
  });
  const cart = (data as unknown as CartRow[])[0];
  if (!cart || cart.completed_at || !cart.region_id) throw notFound();
  if (cart.sales_channel_id !== salesChannelId) throw notFound();
  if ((cart.promotions ?? []).some(Boolean)) {
    throw new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      "This cart has a promotion code: it is checked out through the shop's checkout, not the launch queue.",
    );
  }
  const items = (cart.items ?? []).flatMap((item) =>
    item?.variant_id ? [{ variant_id: item.variant_id, quantity: Number(item.quantity) }] : [],
  );
  if (items.length === 0) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "This cart is empty.");
  }
  return { id: cart.id, region_id: cart.region_id, sales_channel_id: salesChannelId, items };
}
