import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http";
import type { IPaymentModuleService } from "@medusajs/framework/types";
import { Modules } from "@medusajs/framework/utils";
import { payableAmount } from "../lib/currency-amount";

/**
 * Medusa's cart checkout makes the cart's payment collection for the cart's unrounded total
 * (tax keeps its decimals: 35.4568 CHF), and a payment session takes the collection's amount.
 * Before a session is made, the collection is set to what can be paid: the total rounded to
 * the currency's decimals, as the launch queue's orders are paid. Medusa's completion
 * authorises the session's own amount and does not compare it with the cart's total; a later
 * change to the cart refreshes the collection (and drops its sessions), and the next session
 * rounds it again. An unknown collection is left for the route to refuse.
 */
export async function roundPaymentCollection(
  req: MedusaRequest,
  _res: MedusaResponse,
  next: MedusaNextFunction,
) {
  const payments: IPaymentModuleService = req.scope.resolve(Modules.PAYMENT);
  const id = String(req.params.id ?? "");
  const [collection] = await payments.listPaymentCollections(
    { id },
    { select: ["id", "amount", "currency_code"] },
  );
  if (collection) {
    const payable = payableAmount(Number(collection.amount), collection.currency_code);
    if (payable !== Number(collection.amount)) {
      await payments.updatePaymentCollections(collection.id, { amount: payable });
    }
  }
  return next();
}
