import { model } from "@medusajs/framework/utils";

/**
 * A checkout accepted at once during a launch and turned into a Medusa order in the
 * background. Its stock is held (intake_hold) and its batch allocated when it is accepted.
 */
export const CheckoutIntake = model
  .define("checkout_intake", {
    id: model.id({ prefix: "cint" }).primaryKey(),
    /** The browser's Idempotency-Key: a retried request finds its first intake. */
    idempotency_key: model.text().unique(),
    request_hash: model.text(),
    status: model.enum(["pending", "converting", "done", "failed"]).default("pending"),
    region_id: model.text(),
    sales_channel_id: model.text(),
    currency_code: model.text(),
    email: model.text(),
    locale: model.text().nullable(),
    /** [{variant_id, quantity, unit_price}], unit prices from Medusa's pricing at intake. */
    items: model.json(),
    shipping_address: model.json(),
    shipping_option_id: model.text(),
    /** {batch_number, ships_by}: the batch allocated at intake. */
    promise: model.json(),
    /**
     * The storefront's cart the intake was made from (its lines, its retailer credit), marked
     * completed when the intake is accepted; the order is linked to it. One intake per cart.
     */
    source_cart_id: model.text().nullable(),
    /** The cart an earlier converter made from the intake; intakes are now ordered without one. */
    cart_id: model.text().nullable(),
    order_id: model.text().nullable(),
    attempts: model.number().default(0),
    claimed_by: model.text().nullable(),
    /**
     * The earliest retry (status pending); for a claim made before heartbeats, the claim's end.
     */
    claim_expires_at: model.dateTime().nullable(),
    /** The converter's last sign of life (status converting): a stale one is taken over. */
    heartbeat_at: model.dateTime().nullable(),
    last_error: model.text().nullable(),
  })
  .indexes([
    { on: ["created_at"], where: "status IN ('pending', 'converting')" },
    { on: ["source_cart_id"], unique: true, where: "source_cart_id IS NOT NULL" },
    // The few intakes being converted, read by every accept's stock check.
    { on: ["heartbeat_at"], where: "status = 'converting'" },
  ]);
