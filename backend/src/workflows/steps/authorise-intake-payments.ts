import type { MedusaContainer } from "@medusajs/framework/types";
import { Modules } from "@medusajs/framework/utils";
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk";
import { payableAmount } from "../../lib/currency-amount";
import { INTAKE_PAYMENT_PROVIDER } from "../../lib/intake-orders";
import type { PreparedOrders } from "./prepare-intake-orders";

interface Authorised {
  order_id: string;
  payment_collection_id: string;
  payment_id: string;
  captures: { id: string; amount: unknown }[];
  currency_code: string;
}

/**
 * A payment collection per order for its total, a session with the intake payment provider,
 * authorised. Compensation cancels the payments and deletes the collections. The amount is the
 * order's total rounded to the currency's decimals: a card cannot be charged 19.8904.
 */
export const authoriseIntakePaymentsStep = createStep(
  "authorise-intake-payments",
  async (totals: PreparedOrders["totals"], { container }) => {
    const payments = container.resolve(Modules.PAYMENT);
    const collections = await payments.createPaymentCollections(
      totals.map((t) => ({
        amount: payableAmount(t.amount, t.currency_code),
        currency_code: t.currency_code,
        metadata: { order_id: t.order_id },
      })),
    );
    const authorised: Authorised[] = [];
    const compensation = {
      collections: collections.map((c) => c.id),
      payments: [] as string[],
    };
    try {
      for (const collection of collections) {
        // Matched by the order it was made for, never by position.
        const total = totals.find((t) => t.order_id === collection.metadata?.order_id);
        if (!total) throw new Error(`Payment collection ${collection.id} has no order.`);
        const session = await payments.createPaymentSession(collection.id, {
          provider_id: INTAKE_PAYMENT_PROVIDER,
          currency_code: total.currency_code,
          amount: payableAmount(total.amount, total.currency_code),
          data: {},
        });
        const payment = await payments.authorizePaymentSession(session.id, {});
        if (!payment) throw new Error(`Payment for ${total.order_id} was not authorised.`);
        compensation.payments.push(payment.id);
        authorised.push({
          order_id: total.order_id,
          payment_collection_id: collection.id,
          payment_id: payment.id,
          captures: (payment.captures ?? []).map((c) => ({ id: c.id, amount: c.amount })),
          currency_code: total.currency_code,
        });
      }
    } catch (error) {
      await undoPayments(container, compensation);
      throw error;
    }
    return new StepResponse(authorised, compensation);
  },
  async (compensation, { container }) => {
    if (compensation) await undoPayments(container, compensation);
  },
);

async function undoPayments(
  container: MedusaContainer,
  { collections, payments: paymentIds }: { collections: string[]; payments: string[] },
) {
  const payments = container.resolve(Modules.PAYMENT);
  for (const id of paymentIds) await payments.cancelPayment(id);
  if (collections.length) await payments.deletePaymentCollections(collections);
}
