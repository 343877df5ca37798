import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils";
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk";
import { channelLocations, orderIdFor, type ReservationInput } from "../../lib/intake-orders";
import type { IntakeRow } from "../../modules/checkout-intake/service";

interface ResumeOrderRow {
  id: string;
  status: string;
  sales_channel_id: string | null;
  currency_code: string;
  total: unknown;
  items?: ({ id: string; variant_id: string | null; quantity: unknown } | null)[] | null;
  payment_collections?: ({ id: string } | null)[] | null;
}

interface InventoryVariantRow {
  id: string;
  manage_inventory: boolean;
  allow_backorder: boolean;
  inventory_items?: ({ inventory_item_id: string; required_quantity: number } | null)[] | null;
}

/**
 * For orders an interrupted conversion made (the order exists, the intake is not done): what
 * is still missing of them: reservations of lines that have none, a payment for an order
 * without one, the link to the storefront cart it was made from. Reads only.
 */
export const planIntakeOrderResumeStep = createStep(
  "plan-intake-order-resume",
  async (intakes: IntakeRow[], { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY);
    const inventory = container.resolve(Modules.INVENTORY);
    const { data } = await query.graph({
      entity: "order",
      fields: [
        "id",
        "status",
        "sales_channel_id",
        "currency_code",
        "total",
        "items.id",
        "items.variant_id",
        "items.quantity",
        "payment_collections.id",
      ],
      filters: { id: intakes.map((i) => orderIdFor(i.id)) },
    });
    const found = data as unknown as ResumeOrderRow[];
    // A cancelled order has given its stock back: it needs nothing more, only its intake closed.
    const orders = found.filter((o) => o.status !== "canceled");
    const lines = orders.flatMap((o) =>
      (o.items ?? []).flatMap((i) => (i?.variant_id ? [{ order: o, item: i }] : [])),
    );
    const reserved = new Set(
      lines.length
        ? (
            await inventory.listReservationItems(
              { line_item_id: lines.map((l) => l.item.id) },
              { select: ["line_item_id"] },
            )
          ).map((r) => r.line_item_id)
        : [],
    );
    const missing = lines.filter((l) => !reserved.has(l.item.id));
    const fromCarts = intakes.filter(
      (i) => i.source_cart_id && orders.some((o) => o.id === orderIdFor(i.id)),
    );
    const [variantRows, locations, cartLinks] = await Promise.all([
      missing.length
        ? query.graph({
            entity: "variant",
            fields: [
              "id",
              "manage_inventory",
              "allow_backorder",
              "inventory_items.inventory_item_id",
              "inventory_items.required_quantity",
            ],
            filters: { id: [...new Set(missing.map((l) => l.item.variant_id ?? ""))] },
          })
        : { data: [] },
      channelLocations(
        container,
        orders.flatMap((o) => (o.sales_channel_id ? [o.sales_channel_id] : [])),
      ),
      fromCarts.length
        ? query.graph({
            entity: "order_cart",
            fields: ["order_id"],
            filters: { order_id: fromCarts.map((i) => orderIdFor(i.id)) },
          })
        : { data: [] },
    ]);
    const linked = new Set((cartLinks.data as { order_id: string }[]).map((l) => l.order_id));
    const variants = new Map(
      (variantRows.data as unknown as InventoryVariantRow[]).map((v) => [v.id, v]),
    );
    const items: ReservationInput[] = [];
    const lineOrders: Record<string, string> = {};
    for (const { order, item } of missing) {
      const variant = variants.get(item.variant_id ?? "");
      if (!variant?.manage_inventory) continue;
      lineOrders[item.id] = order.id;
      for (const link of variant.inventory_items ?? []) {
        if (!link) continue;
        items.push({
          id: item.id,
          variant_id: variant.id,
          inventory_item_id: link.inventory_item_id,
          required_quantity: Number(link.required_quantity),
          allow_backorder: variant.allow_backorder,
          quantity: Number(item.quantity),
          location_ids: locations[order.sales_channel_id ?? ""] ?? [],
        });
      }
    }
    return new StepResponse({
      reservations: { items },
      lineOrders,
      totals: orders
        .filter((o) => !(o.payment_collections ?? []).some(Boolean))
        .map((o) => ({ order_id: o.id, amount: Number(o.total), currency_code: o.currency_code })),
      pairs: orders.flatMap((o) => {
        const intake = intakes.find((i) => orderIdFor(i.id) === o.id);
        return [intake?.id, intake?.cart_id].flatMap((key) =>
          key ? [{ key, order_id: o.id }] : [],
        );
      }),
      placed: orders.map((o) => o.id),
      carts: fromCarts.flatMap((i) =>
        linked.has(orderIdFor(i.id))
          ? []
          : [{ order_id: orderIdFor(i.id), cart_id: i.source_cart_id ?? "" }],
      ),
      found: found.map((o) => o.id),
    });
  },
);
