import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http";
import { orderIdFromToken, orderStatus } from "./status";

/** GET /store/order-status?token=…: the buyer's view of their order, from a signed link. */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const orderId = await orderIdFromToken(req, res, req.query.token);
  res.json(await orderStatus(req.scope, orderId));
}
