import type { MedusaContainer } from "@medusajs/framework/types";
import { ContainerRegistrationKeys } from "@medusajs/framework/utils";
import { CHECKOUT_INTAKE_MODULE } from "../modules/checkout-intake";
import type CheckoutIntakeModuleService from "../modules/checkout-intake/service";
import { PRODUCTION_MODULE } from "../modules/production";
import type ProductionModuleService from "../modules/production/service";

/**
 * A cart's checkout allocates its batch place just before Medusa makes its order: an allocation
 * under a cart this old without an order was left by a completion that died.
 */
const CART_GRACE_MS = 15 * 60_000;
const PAGE = 500;

/**
 * Gives back batch places that no checkout holds: allocations under an intake id whose intake
 * does not exist (stored before, and apart from, their intake by older code, and left by a
 * crash in between), and allocations under a cart that never became an order (a cart completion
 * that died after its validate hook). An intake's allocation commits with the intake, so one
 * visible without it is an orphan. Cart allocations whose order exists are pointed at it, so a
 * later sweep reads them no more. Safe to run in several processes at once.
 */
export async function reclaimOrphanAllocations(
  container: MedusaContainer,
): Promise<{ reclaimed: number; units: number }> {
  const production: ProductionModuleService = container.resolve(PRODUCTION_MODULE);
  const intakes: CheckoutIntakeModuleService = container.resolve(CHECKOUT_INTAKE_MODULE);
  const query = container.resolve(ContainerRegistrationKeys.QUERY);
  const startedAt = new Date();
  const cartCutoff = new Date(startedAt.getTime() - CART_GRACE_MS);
  let reclaimed = 0;
  let units = 0;
  let after = "";
  for (;;) {
    const page = await production.unorderedAllocations(startedAt, after, PAGE);
    if (page.length === 0) break;
    after = page[page.length - 1]?.id ?? after;
    // Intakes hold their place under their own id; the first converter moved some to the cart
    // it made for the intake (`existing` knows those carts too).
    const known = await intakes.existing(page.map((a) => a.key));
    const carts = page.filter((a) => a.key.startsWith("cart_") && !known.has(a.key));
    const { data } = carts.length
      ? await query.graph({
          entity: "order_cart",
          fields: ["cart_id", "order_id"],
          filters: { cart_id: carts.map((a) => a.key) },
        })
      : { data: [] };
    const ordered = new Map(
      (data as { cart_id: string; order_id: string }[]).map((l) => [l.cart_id, l.order_id]),
    );
    await production.assignOrders(
      carts.flatMap((a) => {
        const orderId = ordered.get(a.key);
        return orderId ? [{ key: a.key, order_id: orderId }] : [];
      }),
    );
    const orphans = page.filter((a) =>
      a.key.startsWith("cint_")
        ? !known.has(a.key)
        : carts.includes(a) && !ordered.has(a.key) && new Date(a.created_at) < cartCutoff,
    );
    for (const orphan of orphans) {
      if (await production.releaseUnordered(orphan.id)) {
        reclaimed += 1;
        units += Number(orphan.units);
      }
    }
  }
  return { reclaimed, units };
}
