import { product, regions } from "@camslide/product";
import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http";
import { ContainerRegistrationKeys, MedusaError, QueryContext } from "@medusajs/framework/utils";
import { z } from "@medusajs/framework/zod";

export const EmbedOfferQuery = z.object({ region: z.enum(["ch", "eu", "world"]) });

export interface EmbedOffer {
  region: string;
  currency_code: string;
  variants: { id: string; sku: string; amount: number }[];
}

/**
 * GET /embed/offer?region=eu: every variant's price in a region, computed by Medusa's pricing,
 * for widgets on any page (prices are public; no key, no credentials, any origin). The widget
 * never takes a price from its attributes.
 */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const parsed = EmbedOfferQuery.safeParse(req.query);
  if (!parsed.success) throw new MedusaError(MedusaError.Types.INVALID_DATA, "unknown region");
  const spec = regions[parsed.data.region];
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY);
  const { data: found } = await query.graph({
    entity: "region",
    fields: ["id", "currency_code"],
    filters: { name: spec.name },
  });
  const region = found[0];
  if (!region) throw new MedusaError(MedusaError.Types.NOT_FOUND, "region not seeded");
  const { data: products } = await query.graph({
    entity: "product",
    fields: ["variants.id", "variants.sku", "variants.calculated_price.calculated_amount"],
    filters: { handle: product.handle },
    context: {
      variants: {
        calculated_price: QueryContext({
          region_id: region.id,
          currency_code: region.currency_code,
        }),
      },
    },
  });
  type Row = { id: string; sku: string | null; calculated_price?: { calculated_amount?: unknown } };
  const rows = (products[0]?.variants ?? []) as unknown as (Row | null)[];
  const variants = rows.flatMap((v) => {
    const amount = v?.calculated_price?.calculated_amount;
    if (!v?.sku || typeof amount !== "number") return [];
    return [{ id: v.id, sku: v.sku, amount }];
  });
  res.setHeader("access-control-allow-origin", "*");
  res.setHeader("cache-control", "public, max-age=60");
  res.json({ region: parsed.data.region, currency_code: region.currency_code, variants });
}
