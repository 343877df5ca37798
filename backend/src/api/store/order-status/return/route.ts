import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http";
import type { ILockingModule } from "@medusajs/framework/types";
import { ContainerRegistrationKeys, MedusaError, Modules } from "@medusajs/framework/utils";
import { createAndCompleteReturnOrderWorkflow } from "@medusajs/medusa/core-flows";
import type { Knex } from "@mikro-orm/knex";
import { orderIdFromToken, orderStatus } from "../status";

const MAX_NOTE = 500;

/**
 * POST /store/order-status/return {token, note?}: the buyer of a shipped order asks to send it
 * back, within the return window. Recorded as a Medusa return (status "requested") of every
 * shipped unit, against the region's "Return by post" option, so the maker receives it in the
 * admin and the refund goes through Medusa. Asking twice records one return.
 */
export async function POST(req: MedusaRequest, res: MedusaResponse) {
  const body = (req.body ?? {}) as { token?: unknown; note?: unknown };
  const orderId = await orderIdFromToken(req, res, body.token);
  if (body.note !== undefined && typeof body.note !== "string") {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "note must be text");
  }
  const note = (body.note ?? "").trim();
  if (note.length > MAX_NOTE) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `note is longer than ${MAX_NOTE} characters`,
    );
  }
  const locking: ILockingModule = req.scope.resolve(Modules.LOCKING);
  await locking.execute(`camslide-return:${orderId}`, async () => {
    const status = await orderStatus(req.scope, orderId);
    if (status.return_requested) return;
    if (!status.can_return) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        status.state === "canceled"
          ? "This order is cancelled; there is nothing to return."
          : status.return_by
            ? `The return window closed on ${status.return_by}.`
            : "This order has not shipped yet; you can ask for a return once it has.",
      );
    }
    const pg: Knex = req.scope.resolve(ContainerRegistrationKeys.PG_CONNECTION);
    const { rows: items } = await pg.raw<{ rows: { id: string; quantity: string }[] }>(
      `SELECT oi.item_id AS id, (oi.fulfilled_quantity - oi.return_requested_quantity
                                 - oi.return_received_quantity)::text AS quantity
         FROM order_item oi JOIN "order" o ON o.id = oi.order_id AND oi.version = o.version
        WHERE oi.order_id = ? AND oi.deleted_at IS NULL
          AND oi.fulfilled_quantity > oi.return_requested_quantity + oi.return_received_quantity`,
      [orderId],
    );
    const { rows: options } = await pg.raw<{ rows: { id: string }[] }>(
      `SELECT so.id FROM shipping_option so
         JOIN shipping_option_rule r ON r.shipping_option_id = so.id AND r.deleted_at IS NULL
          AND r.attribute = 'is_return' AND r.value::text IN ('"true"', 'true')
         JOIN service_zone sz ON sz.id = so.service_zone_id AND sz.deleted_at IS NULL
         JOIN geo_zone gz ON gz.service_zone_id = sz.id AND gz.deleted_at IS NULL
         JOIN order_address a ON a.country_code = gz.country_code
         JOIN "order" o ON o.shipping_address_id = a.id
        WHERE o.id = ? AND so.deleted_at IS NULL
        LIMIT 1`,
      [orderId],
    );
    const option = options[0];
    // Medusa's admin receives a return only at a stock location: the one the order shipped from.
    const query = req.scope.resolve(ContainerRegistrationKeys.QUERY);
    const { data: shipped } = await query.graph({
      entity: "order",
      fields: ["fulfillments.location_id"],
      filters: { id: orderId },
    });
    const fulfillments = ((shipped[0] as { fulfillments?: unknown } | undefined)?.fulfillments ??
      []) as ({ location_id?: string | null } | null)[];
    const locationId = fulfillments.find((f) => f?.location_id)?.location_id;
    if (items.length === 0 || !option || !locationId) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        "This order cannot be returned online; reply to your order email and we will help.",
      );
    }
    await createAndCompleteReturnOrderWorkflow(req.scope).run({
      input: {
        order_id: orderId,
        items: items.map((i) => ({ id: i.id, quantity: Number(i.quantity) })),
        return_shipping: { option_id: option.id },
        location_id: locationId,
        ...(note ? { note } : {}),
      },
    });
  });
  res.json(await orderStatus(req.scope, orderId));
}
