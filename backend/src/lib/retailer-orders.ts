import type { Knex } from "@mikro-orm/knex";

export interface AttributedOrder {
  order_id: string;
  retailer_id: string;
  origin: string;
  /** The token that credited the cart and what was recorded when it was issued and spent. */
  token_id: string | null;
  issued_at: Date | null;
  redeemed_at: Date | null;
  client_hash: string | null;
  redeem_client_hash: string | null;
  user_agent: string | null;
}

/**
 * The orders made from carts a retailer's widget brought, joined through Medusa's order_cart
 * link, newest first, with the token that credited each cart. `to` is exclusive. Cancelled
 * orders are included; callers decide.
 */
export async function attributedOrders(
  pg: Knex,
  filter: { retailerId?: string | undefined; from?: Date | undefined; to?: Date | undefined },
): Promise<AttributedOrder[]> {
  const query = pg("retailer_attribution as ra")
    .join("order_cart as oc", "oc.cart_id", "ra.cart_id")
    .join("order as o", "o.id", "oc.order_id")
    .leftJoin("retailer_token as rt", function () {
      this.on("rt.id", "ra.token_id").andOnNull("rt.deleted_at");
    })
    .whereNull("ra.deleted_at")
    .whereNull("oc.deleted_at")
    .whereNull("o.deleted_at")
    .select(
      "oc.order_id",
      "ra.retailer_id",
      "ra.origin",
      "ra.token_id",
      "rt.created_at as issued_at",
      "rt.redeemed_at",
      "rt.client_hash",
      "rt.redeem_client_hash",
      "rt.user_agent",
    )
    .orderBy("o.created_at", "desc");
  if (filter.retailerId) query.where("ra.retailer_id", filter.retailerId);
  if (filter.from) query.where("o.created_at", ">=", filter.from);
  if (filter.to) query.where("o.created_at", "<", filter.to);
  return (await query) as AttributedOrder[];
}
