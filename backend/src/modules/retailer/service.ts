import type { Context } from "@medusajs/framework/types";
import { InjectTransactionManager, MedusaContext, MedusaService } from "@medusajs/framework/utils";
import type { EntityManager } from "@mikro-orm/knex";
import { Retailer } from "./models/retailer";
import { RetailerAttribution } from "./models/retailer-attribution";
import { RetailerToken } from "./models/retailer-token";

/**
 * What presenting a token for a cart did: `credited` the cart now, `repeated` a credit this
 * token already gave this very cart (nothing changes), or nothing because the token already
 * credited `another-cart`, or was never issued (`unknown`).
 */
export type RedeemOutcome = "credited" | "repeated" | "another-cart" | "unknown";

/** Retailers, the attribution tokens they were issued, and the carts their widgets brought. */
export default class RetailerModuleService extends MedusaService({
  Retailer,
  RetailerAttribution,
  RetailerToken,
}) {
  /**
   * Spends a token on a cart and credits the cart to the token's retailer, in one transaction:
   * a token credits one cart, however many requests present it at once (the conditional
   * update lets one of them win). The last widget a shopper bought through wins, as with a
   * last-click affiliate link; the credit is one statement, so two tabs handing off at once
   * cannot fail on the unique cart id.
   */
  @InjectTransactionManager()
  async redeemToken(
    input: {
      token_id: string;
      cart_id: string;
      retailer_id: string;
      origin: string;
      mode: "element" | "frame";
      client_hash: string;
    },
    @MedusaContext() sharedContext: Context<EntityManager> = {},
  ): Promise<RedeemOutcome> {
    const manager = sharedContext.transactionManager as EntityManager;
    const spent = await manager.execute<{ id: string }[]>(
      `UPDATE retailer_token
          SET cart_id = ?, redeemed_at = now(), redeem_client_hash = ?, updated_at = now()
        WHERE id = ? AND retailer_id = ? AND origin = ? AND mode = ?
          AND cart_id IS NULL AND deleted_at IS NULL
        RETURNING id`,
      [
        input.cart_id,
        input.client_hash,
        input.token_id,
        input.retailer_id,
        input.origin,
        input.mode,
      ],
    );
    if (spent.length === 0) {
      const [token] = await manager.execute<{ cart_id: string | null }[]>(
        `SELECT cart_id FROM retailer_token
          WHERE id = ? AND retailer_id = ? AND deleted_at IS NULL`,
        [input.token_id, input.retailer_id],
      );
      if (!token?.cart_id) return "unknown";
      return token.cart_id === input.cart_id ? "repeated" : "another-cart";
    }
    await manager.execute(
      `INSERT INTO retailer_attribution
              (id, cart_id, retailer_id, origin, mode, token_id, created_at, updated_at)
       VALUES ('rattr_' || replace(gen_random_uuid()::text, '-', ''), ?, ?, ?, ?, ?, now(), now())
       ON CONFLICT (cart_id) WHERE deleted_at IS NULL
       DO UPDATE SET retailer_id = EXCLUDED.retailer_id, origin = EXCLUDED.origin,
                     mode = EXCLUDED.mode, token_id = EXCLUDED.token_id, updated_at = now()`,
      [input.cart_id, input.retailer_id, input.origin, input.mode, input.token_id],
    );
    return "credited";
  }
}
