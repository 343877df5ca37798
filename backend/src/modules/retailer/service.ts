import type { Context } from "@medusajs/framework/types";
import { InjectManager, MedusaContext, MedusaService } from "@medusajs/framework/utils";
import type { EntityManager } from "@mikro-orm/knex";
import { Retailer } from "./models/retailer";
import { RetailerAttribution } from "./models/retailer-attribution";

/** Retailers and the carts their widgets brought. */
export default class RetailerModuleService extends MedusaService({
  Retailer,
  RetailerAttribution,
}) {
  /**
   * Credits a cart to a retailer; the last widget a shopper bought through wins, as with a
   * last-click affiliate link. One statement, so two tabs handing off at once cannot fail on
   * the unique cart id.
   */
  @InjectManager()
  async attributeCart(
    input: { cart_id: string; retailer_id: string; origin: string; mode: "element" | "frame" },
    @MedusaContext() sharedContext: Context<EntityManager> = {},
  ): Promise<void> {
    const manager = sharedContext.manager as EntityManager;
    await manager.execute(
      `INSERT INTO retailer_attribution (id, cart_id, retailer_id, origin, mode, created_at, updated_at)
       VALUES ('rattr_' || replace(gen_random_uuid()::text, '-', ''), ?, ?, ?, ?, now(), now())
       ON CONFLICT (cart_id) WHERE deleted_at IS NULL
       DO UPDATE SET retailer_id = EXCLUDED.retailer_id, origin = EXCLUDED.origin,
                     mode = EXCLUDED.mode, updated_at = now()`,
      [input.cart_id, input.retailer_id, input.origin, input.mode],
    );
  }
}
