import { policy } from "@camslide/product";
import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http";
import type { MedusaContainer } from "@medusajs/framework/types";
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils";
import type { Knex } from "@mikro-orm/knex";
import { orderBatches } from "../../../lib/order-batches";
import { verifyOrderLink } from "../../../lib/order-links";
import { countAttempt, requestAddress } from "../../../lib/rate-limit";

export function linkSecret(container: MedusaContainer): string {
  const config = container.resolve(ContainerRegistrationKeys.CONFIG_MODULE);
  return process.env.ORDER_LINK_SECRET || String(config.projectConfig.http.cookieSecret);
}

/** Refuses, the same way for every kind of failure, so a response tells a guesser nothing. */
export function notFound(): never {
  throw new MedusaError(MedusaError.Types.NOT_FOUND, "No order matches.");
}

/**
 * The order a signed status link names. A wrong link counts against the caller's address
 * (lib/rate-limit: orderLinkPerAddress); past the limit the answer is 429 instead of 404.
 */
export async function orderIdFromToken(
  req: MedusaRequest,
  res: MedusaResponse,
  token: unknown,
): Promise<string> {
  const orderId = verifyOrderLink(token, linkSecret(req.scope));
  if (orderId) return orderId;
  await countAttempt(res, [["orderLinkPerAddress", requestAddress(req)]]);
  return notFound();
}

interface OrderRow {
  id: string;
  display_id: number;
  email: string;
  status: string;
  created_at: string;
  canceled_at: string | null;
  currency_code: string;
  total: number;
  item_subtotal: number;
  shipping_subtotal: number;
  tax_total: number;
  discount_subtotal?: number;
  items: {
    id: string;
    variant_sku: string | null;
    title: string;
    quantity: number;
    subtotal: number;
  }[];
  shipping_address: {
    first_name: string | null;
    last_name: string | null;
    address_1: string | null;
    postal_code: string | null;
    city: string | null;
    country_code: string | null;
  } | null;
  fulfillments: {
    id: string;
    shipped_at: string | null;
    canceled_at: string | null;
    metadata: Record<string, unknown> | null;
    labels: { tracking_number: string; tracking_url: string }[];
  }[];
}

/** Everything the buyer's status page shows, and whether they may still cancel. */
export async function orderStatus(container: MedusaContainer, orderId: string) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY);
  const { data } = await query.graph({
    entity: "order",
    fields: [
      "id",
      "display_id",
      "email",
      "status",
      "created_at",
      "canceled_at",
      "currency_code",
      "total",
      "item_subtotal",
      "shipping_subtotal",
      "tax_total",
      "discount_subtotal",
      "items.id",
      "items.variant_sku",
      "items.title",
      "items.quantity",
      "items.subtotal",
      "shipping_address.*",
      "fulfillments.id",
      "fulfillments.shipped_at",
      "fulfillments.canceled_at",
      "fulfillments.metadata",
      "fulfillments.labels.*",
    ],
    filters: { id: orderId },
  });
  const order = data[0] as unknown as OrderRow | undefined;
  if (!order) return notFound();
  const allocation = (await orderBatches(container, [orderId])).get(orderId);
  const fulfillments = (order.fulfillments ?? []).filter((f) => !f.canceled_at);
  const shipped = fulfillments.filter((f) => f.shipped_at);
  const canceled = order.status === "canceled";
  const after = await afterSale(container, orderId);
  const shippedOn = shipped
    .map((f) => shipDate(f))
    .sort()
    .at(0);
  const returnBy = shippedOn ? addDays(shippedOn, policy.returnWindowDays) : null;
  const today = new Date().toISOString().slice(0, 10);
  return {
    order: {
      id: order.id,
      display_id: order.display_id,
      email: order.email,
      created_at: order.created_at,
      canceled_at: order.canceled_at,
      currency_code: order.currency_code,
      total: order.total,
      item_subtotal: order.item_subtotal,
      shipping_subtotal: order.shipping_subtotal,
      tax_total: order.tax_total,
      discount_subtotal: order.discount_subtotal ?? 0,
      items: order.items,
      shipping_address: order.shipping_address,
    },
    batch: allocation
      ? {
          number: allocation.batch.number,
          ships_by: allocation.batch.ships_by,
          state: allocation.batch.state,
        }
      : null,
    shipments: shipped.map((f) => ({
      shipped_at: f.shipped_at,
      tracking: (f.labels ?? []).map((l) => ({ number: l.tracking_number, url: l.tracking_url })),
    })),
    state: canceled ? "canceled" : shipped.length > 0 ? "shipped" : "placed",
    // Once the order is handed to the 3PL (exported) or packed, it cannot be stopped: the
    // buyer asks for a return once it has shipped.
    can_cancel: !canceled && fulfillments.length === 0 && !after.exported,
    exported: after.exported,
    return_by: returnBy,
    return_requested: after.returnStatus !== null,
    can_return: !canceled && returnBy !== null && today <= returnBy && after.returnStatus === null,
  };
}

/** The day the parcel left: the 3PL's shipped date when it gave one, else when it was recorded. */
function shipDate(f: { shipped_at: string | null; metadata: Record<string, unknown> | null }) {
  const reported = f.metadata?.shipped_date;
  if (typeof reported === "string" && /^\d{4}-\d{2}-\d{2}$/.test(reported)) return reported;
  return new Date(f.shipped_at ?? 0).toISOString().slice(0, 10);
}

function addDays(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** Whether the order went to the 3PL, and its open return, if any. */
async function afterSale(container: MedusaContainer, orderId: string) {
  const pg: Knex = container.resolve(ContainerRegistrationKeys.PG_CONNECTION);
  const { rows } = await pg.raw<{ rows: { exported: boolean; return_status: string | null }[] }>(
    `SELECT EXISTS (SELECT 1 FROM fulfilment_export fe
                     WHERE fe.order_id = ? AND fe.deleted_at IS NULL) AS exported,
            (SELECT r.status FROM "return" r
              WHERE r.order_id = ? AND r.deleted_at IS NULL AND r.canceled_at IS NULL
              ORDER BY r.created_at DESC LIMIT 1) AS return_status`,
    [orderId, orderId],
  );
  return { exported: Boolean(rows[0]?.exported), returnStatus: rows[0]?.return_status ?? null };
}
