import { hostname } from "node:os";
import type { MedusaContainer } from "@medusajs/framework/types";
import { ContainerRegistrationKeys } from "@medusajs/framework/utils";
import {
  addShippingMethodToCartWorkflow,
  completeCartWorkflow,
  createCartWorkflow,
  createPaymentCollectionForCartWorkflow,
  createPaymentSessionsWorkflow,
} from "@medusajs/medusa/core-flows";
import { CHECKOUT_INTAKE_MODULE } from "../modules/checkout-intake";
import type CheckoutIntakeModuleService from "../modules/checkout-intake/service";
import type { IntakeRow } from "../modules/checkout-intake/service";
import { PRODUCTION_MODULE } from "../modules/production";
import type ProductionModuleService from "../modules/production/service";
import { quietEnough } from "./intake-pressure";

/** The payment provider intakes are authorised with: Medusa's system provider, as the shop's. */
const PAYMENT_PROVIDER = "pp_system_default";
const owner = `${hostname()}:${process.pid}:${Math.random().toString(36).slice(2, 8)}`;

async function cartState(container: MedusaContainer, cartId: string) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY);
  const { data } = await query.graph({
    entity: "cart",
    fields: [
      "id",
      "completed_at",
      "shipping_methods.id",
      "payment_collection.id",
      "payment_collection.payment_sessions.id",
    ],
    filters: { id: cartId },
  });
  return data[0];
}

async function orderOf(container: MedusaContainer, cartId: string): Promise<string | undefined> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY);
  const { data } = await query.graph({
    entity: "order_cart",
    fields: ["order_id"],
    filters: { cart_id: cartId },
  });
  return data[0]?.order_id;
}

/**
 * Turns one intake into one Medusa order with Medusa's own cart workflows: the cart (items,
 * email, addresses; priced by Medusa), the intake's batch allocation moved onto it, the
 * shipping method, a payment session with the system provider, and completion (which
 * reserves stock, authorises the payment and runs the batch hook, which finds the allocation).
 * Resumable: a retry continues with the cart recorded on the intake, and a cart that already
 * became an order is never completed again.
 */
export async function convertIntake(
  container: MedusaContainer,
  intake: IntakeRow,
): Promise<string> {
  const intakes: CheckoutIntakeModuleService = container.resolve(CHECKOUT_INTAKE_MODULE);
  const production: ProductionModuleService = container.resolve(PRODUCTION_MODULE);
  let cartId = intake.cart_id;
  if (!cartId) {
    const { result } = await createCartWorkflow(container).run({
      input: {
        region_id: intake.region_id,
        sales_channel_id: intake.sales_channel_id,
        email: intake.email,
        items: intake.items.map(({ variant_id, quantity }) => ({ variant_id, quantity })),
        shipping_address: intake.shipping_address,
        billing_address: intake.shipping_address,
        metadata: { locale: intake.locale, checkout_intake_id: intake.id },
      },
    });
    cartId = await intakes.recordCart(intake.id, result.id);
  } else {
    // A retry: the cart may have become an order just before the last attempt was cut off.
    const placed = await orderOf(container, cartId);
    if (placed) return placed;
  }
  let cart = await cartState(container, cartId);
  await production.transfer(intake.id, cartId);
  if (!cart?.shipping_methods?.length) {
    await addShippingMethodToCartWorkflow(container).run({
      input: { cart_id: cartId, options: [{ id: intake.shipping_option_id }] },
    });
  }
  if (!cart?.payment_collection) {
    await createPaymentCollectionForCartWorkflow(container).run({ input: { cart_id: cartId } });
    cart = await cartState(container, cartId);
  }
  const collection = cart?.payment_collection;
  if (collection && !collection.payment_sessions?.length) {
    await createPaymentSessionsWorkflow(container).run({
      input: { payment_collection_id: collection.id, provider_id: PAYMENT_PROVIDER },
    });
  }
  const { result } = await completeCartWorkflow(container).run({ input: { id: cartId } });
  return result.id;
}

let draining: Promise<void> | undefined;

/**
 * Converts intakes until none is waiting, `concurrency` at a time, in this process. One drain
 * per process at a time (a second call joins the running one); several processes share the
 * work through `claim`'s SKIP LOCKED.
 */
export function drainIntakes(container: MedusaContainer, concurrency: number): Promise<void> {
  draining ??= (async () => {
    const intakes: CheckoutIntakeModuleService = container.resolve(CHECKOUT_INTAKE_MODULE);
    const production: ProductionModuleService = container.resolve(PRODUCTION_MODULE);
    const logger = container.resolve(ContainerRegistrationKeys.LOGGER);
    const worker = async () => {
      for (;;) {
        await quietEnough();
        const [intake] = await intakes.claim(owner, 1);
        if (!intake) return;
        try {
          await intakes.finish(intake.id, await convertIntake(container, intake));
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error);
          const failed = await intakes.retryOrFail(intake.id, owner, message);
          logger.warn(`checkout intake ${intake.id}: ${message}${failed ? " (gave up)" : ""}`);
          if (failed)
            await production.releaseFor([intake.id, ...(failed.cart_id ? [failed.cart_id] : [])]);
        }
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
  })().finally(() => {
    draining = undefined;
  });
  return draining;
}
