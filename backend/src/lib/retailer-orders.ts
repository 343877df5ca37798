import type { Knex } from "@mikro-orm/knex";

export interface AttributedOrder {
  order_id: string;
  retailer_id: string;
  origin: string;
}

/**
 * The orders made from carts a retailer's widget brought, joined through Medusa's order_cart
 * link, newest first. `to` is exclusive. Cancelled orders are included; callers decide.
 */
export async function attributedOrders(
  pg: Knex,
  filter: { retailerId?: string | undefined; from?: Date | undefined; to?: Date | undefined },
): Promise<AttributedOrder[]> {
  const query = pg("retailer_attribution as ra")
    .join("order_cart as oc", "oc.cart_id", "ra.cart_id")
    .join("order as o", "o.id", "oc.order_id")
    .whereNull("ra.deleted_at")
    .whereNull("oc.deleted_at")
    .whereNull("o.deleted_at")
    .select("oc.order_id", "ra.retailer_id", "ra.origin")
    .orderBy("o.created_at", "desc");
  if (filter.retailerId) query.where("ra.retailer_id", filter.retailerId);
  if (filter.from) query.where("o.created_at", ">=", filter.from);
  if (filter.to) query.where("o.created_at", "<", filter.to);
  return (await query) as AttributedOrder[];
}
