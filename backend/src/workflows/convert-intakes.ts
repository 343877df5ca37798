import {
  Modules,
  OrderWorkflowEvents,
  ReservationItemWorkflowEvents,
} from "@medusajs/framework/utils";
import {
  createWorkflow,
  transform,
  type WorkflowData,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk";
import {
  addOrderTransactionStep,
  createOrdersStep,
  createRemoteLinkStep,
  emitEventStep,
  reserveInventoryStep,
} from "@medusajs/medusa/core-flows";
import { orderIdFor, type ReservationInput } from "../lib/intake-orders";
import type { IntakeRow } from "../modules/checkout-intake/service";
import { assignIntakeBatchesStep } from "./steps/assign-intake-batches";
import { authoriseIntakePaymentsStep } from "./steps/authorise-intake-payments";
import { type PreparedOrders, prepareIntakeOrdersStep } from "./steps/prepare-intake-orders";

export interface ConvertIntakesInput {
  intakes: IntakeRow[];
}

/**
 * What follows the orders' creation, shared by conversion and resumption: stock reserved, the
 * payment authorised and linked (with its captures as order transactions), the batch
 * allocations pointed at the orders, `order.placed` emitted.
 */
export function completeIntakeOrders(input: {
  reservations: WorkflowData<{ items: ReservationInput[] }>;
  lineOrders: WorkflowData<Record<string, string>>;
  totals: WorkflowData<PreparedOrders["totals"]>;
  pairs: WorkflowData<{ key: string; order_id: string }[]>;
  placed: WorkflowData<string[]>;
  /** Orders made from a storefront cart, linked to it as Medusa's checkout links them. */
  carts: WorkflowData<{ order_id: string; cart_id: string }[]>;
}) {
  const reserved = reserveInventoryStep(input.reservations);
  const authorised = authoriseIntakePaymentsStep(input.totals);
  const links = transform({ authorised }, ({ authorised }) =>
    authorised.map((a) => ({
      [Modules.ORDER]: { order_id: a.order_id },
      [Modules.PAYMENT]: { payment_collection_id: a.payment_collection_id },
    })),
  );
  createRemoteLinkStep(links);
  const cartLinks = transform({ carts: input.carts }, ({ carts }) =>
    carts.map((c) => ({
      [Modules.ORDER]: { order_id: c.order_id },
      [Modules.CART]: { cart_id: c.cart_id },
    })),
  );
  createRemoteLinkStep(cartLinks).config({ name: "link-intake-orders-to-carts" });
  const transactions = transform({ authorised }, ({ authorised }) =>
    authorised.flatMap((a) =>
      a.captures.map((capture) => ({
        order_id: a.order_id,
        amount: capture.amount as number,
        currency_code: a.currency_code,
        reference: "capture",
        reference_id: capture.id,
      })),
    ),
  );
  addOrderTransactionStep(transactions);
  assignIntakeBatchesStep(input.pairs);
  const placedEvents = transform({ placed: input.placed }, ({ placed }) =>
    placed.map((id) => ({ id })),
  );
  emitEventStep({ eventName: OrderWorkflowEvents.PLACED, data: placedEvents });
  const reservationEvents = transform(
    { reserved, lineOrders: input.lineOrders },
    ({ reserved, lineOrders }) =>
      (reserved ?? []).map((r) => ({ id: r.id, order_id: lineOrders[r.line_item_id ?? ""] })),
  );
  emitEventStep({
    eventName: ReservationItemWorkflowEvents.CREATED,
    data: reservationEvents,
  }).config({ name: "emit-reservation-item-created" });
}

/**
 * Turns accepted checkout intakes into Medusa orders, many at once: what Medusa's cart
 * completion does for one cart (orders with items, shipping method and tax lines; stock
 * reserved; payment authorised and linked; `order.placed` emitted), without making a cart
 * per shopper first. Each step undoes itself if a later one fails, so the batch is all or
 * nothing. The intakes' prices, batches and stock holds were settled when they were accepted.
 */
export const convertIntakesWorkflow = createWorkflow(
  "convert-checkout-intakes",
  (input: ConvertIntakesInput) => {
    const intakes = transform({ input }, ({ input }) => input.intakes);
    const prepared = prepareIntakeOrdersStep(intakes);
    const orders = transform({ prepared }, ({ prepared }) => prepared.orders);
    const created = createOrdersStep(orders);

    const reservations = transform({ prepared, created }, ({ prepared, created }) => {
      const items: ReservationInput[] = [];
      for (const order of created) {
        const stock = prepared.stock.find((s) => s.order_id === order.id);
        const source = prepared.orders.find((o) => (o as { id?: string }).id === order.id);
        const locations = prepared.location_ids[source?.sales_channel_id ?? ""] ?? [];
        const remaining = [...(order.items ?? [])];
        for (const line of stock?.lines ?? []) {
          const at = remaining.findIndex(
            (i) => i.variant_id === line.variant_id && Number(i.quantity) === line.quantity,
          );
          const [item] = at >= 0 ? remaining.splice(at, 1) : [];
          if (!item) throw new Error(`Order ${order.id} lacks its ${line.variant_id} line.`);
          for (const inventory of line.inventory) {
            items.push({
              id: item.id,
              variant_id: line.variant_id,
              inventory_item_id: inventory.inventory_item_id,
              required_quantity: inventory.required_quantity,
              allow_backorder: line.allow_backorder,
              quantity: line.quantity,
              location_ids: locations,
            });
          }
        }
      }
      return { items };
    });
    const totals = transform({ prepared }, ({ prepared }) => prepared.totals);
    // The allocation is under the intake's id, or under the cart the first converter (a cart
    // per intake) made and moved it to.
    const pairs = transform({ input }, ({ input }) =>
      input.intakes.flatMap((intake) =>
        [intake.id, intake.cart_id].flatMap((key) =>
          key ? [{ key, order_id: orderIdFor(intake.id) }] : [],
        ),
      ),
    );
    const placed = transform({ created }, ({ created }) => created.map((o) => o.id));
    const lineOrders = transform({ created }, ({ created }) =>
      Object.fromEntries(created.flatMap((o) => (o.items ?? []).map((i) => [i.id, o.id]))),
    );
    const carts = transform({ input }, ({ input }) =>
      input.intakes.flatMap((intake) =>
        intake.source_cart_id
          ? [{ order_id: orderIdFor(intake.id), cart_id: intake.source_cart_id }]
          : [],
      ),
    );
    completeIntakeOrders({ reservations, lineOrders, totals, pairs, placed, carts });
    return new WorkflowResponse(placed);
  },
);
