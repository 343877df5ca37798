import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http";
import { MedusaError } from "@medusajs/framework/utils";
import { retailerByHandle } from "../../retailers";

/**
 * GET /embed/retailers/acme: a retailer's public face: name and the origins allowed to embed
 * the widget. The storefront's server reads it to send the iframe's `frame-ancestors`; the
 * origins are no secret (every framed page's CSP shows them).
 */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const retailer = await retailerByHandle(req.scope, req.params.handle);
  if (!retailer) throw new MedusaError(MedusaError.Types.NOT_FOUND, "No such retailer.");
  res.setHeader("access-control-allow-origin", "*");
  res.setHeader("cache-control", "public, max-age=60");
  res.json({
    handle: retailer.handle,
    name: retailer.name,
    allowed_origins: retailer.allowed_origins,
  });
}
