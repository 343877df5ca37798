import { hostname } from "node:os";
import type { MedusaContainer } from "@medusajs/framework/types";
import { ContainerRegistrationKeys } from "@medusajs/framework/utils";
import { CHECKOUT_INTAKE_MODULE } from "../modules/checkout-intake";
import type CheckoutIntakeModuleService from "../modules/checkout-intake/service";
import type { IntakeRow } from "../modules/checkout-intake/service";
import { PRODUCTION_MODULE } from "../modules/production";
import type ProductionModuleService from "../modules/production/service";
import { convertIntakesWorkflow } from "../workflows/convert-intakes";
import { resumeIntakeOrdersWorkflow } from "../workflows/resume-intake-orders";
import { errorMessage } from "./error-message";
import { reclaimOrphanAllocations } from "./intake-allocations";
import { orderIdFor } from "./intake-orders";
import { intakePace } from "./intake-pressure";

const owner = `${hostname()}:${process.pid}:${Math.random().toString(36).slice(2, 8)}`;

/**
 * A converter renews its claims every quarter of CAMSLIDE_INTAKE_CLAIM_SECONDS (default 20)
 * while it converts; a claim without a heartbeat for that long is taken over (its process
 * died). Give every process the same value.
 */
export const CLAIM_SECONDS = Math.max(2, Number(process.env.CAMSLIDE_INTAKE_CLAIM_SECONDS || 20));
const HEARTBEAT_MS = (CLAIM_SECONDS * 1000) / 4;

/** The intakes (of these) whose order exists already: an earlier attempt made it. */
async function alreadyOrdered(container: MedusaContainer, intakes: IntakeRow[]) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY);
  const { data } = await query.graph({
    entity: "order",
    fields: ["id"],
    filters: { id: intakes.map((i) => orderIdFor(i.id)) },
    withDeleted: false,
  });
  const ids = new Set((data as { id: string }[]).map((o) => o.id));
  return intakes.filter((i) => ids.has(orderIdFor(i.id)));
}

/**
 * The orders made from the carts of intakes that the first converter (a cart per intake,
 * before batches) had started on, by intake id.
 */
async function cartOrders(container: MedusaContainer, intakes: IntakeRow[]) {
  const withCart = intakes.filter((i) => i.cart_id);
  if (withCart.length === 0) return new Map<string, string>();
  const query = container.resolve(ContainerRegistrationKeys.QUERY);
  const { data } = await query.graph({
    entity: "order_cart",
    fields: ["cart_id", "order_id"],
    filters: { cart_id: withCart.map((i) => i.cart_id ?? "") },
  });
  const byCart = new Map(
    (data as { cart_id: string; order_id: string }[]).map((l) => [l.cart_id, l.order_id]),
  );
  return new Map(
    withCart.flatMap((i) => {
      const orderId = byCart.get(i.cart_id ?? "");
      return orderId ? [[i.id, orderId] as const] : [];
    }),
  );
}

/**
 * Turns claimed intakes into orders, exactly once each. An intake whose order exists already
 * (an attempt cut off after the order was stored) has its order completed with whatever is
 * missing (resumeIntakeOrdersWorkflow); the others go through the conversion workflow together.
 * If a batch fails (one bad intake undoes them all), each is tried alone, so one bad intake
 * delays the rest by a retry, not more, and is retried with a backoff or, after MAX_ATTEMPTS,
 * failed with its stock hold and batch place given back.
 */
export async function convertIntakes(
  container: MedusaContainer,
  intakes: IntakeRow[],
): Promise<{ done: number; failed: number }> {
  const service: CheckoutIntakeModuleService = container.resolve(CHECKOUT_INTAKE_MODULE);
  const production: ProductionModuleService = container.resolve(PRODUCTION_MODULE);
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER);
  // Intakes the earlier converter made a cart for: if that cart became an order, it is theirs.
  const fromCarts = await cartOrders(container, intakes);
  let done = (
    await service.finish(
      intakes.flatMap((i) =>
        fromCarts.has(i.id) ? [{ id: i.id, order_id: fromCarts.get(i.id) ?? "" }] : [],
      ),
    )
  ).length;
  const open = intakes.filter((i) => !fromCarts.has(i.id));
  const made = new Set((await alreadyOrdered(container, open)).map((i) => i.id));
  const attempt = async (group: IntakeRow[]) => {
    const resumed = made.has(group[0]?.id ?? "");
    const workflow = resumed ? resumeIntakeOrdersWorkflow : convertIntakesWorkflow;
    const { result } = await workflow(container).run({ input: { intakes: group } });
    // Each intake's own order (the workflow's list is in the database's order, not the input's).
    const orders = new Set(result);
    const ordered = group.filter((i) => orders.has(orderIdFor(i.id)));
    if (ordered.length !== group.length) {
      throw new Error(`${group.length - ordered.length} of ${group.length} intakes got no order`);
    }
    return service.finish(ordered.map((i) => ({ id: i.id, order_id: orderIdFor(i.id) })));
  };
  const groups = [open.filter((i) => made.has(i.id)), open.filter((i) => !made.has(i.id))].filter(
    (group) => group.length > 0,
  );
  const alone: IntakeRow[] = [];
  for (const group of groups) {
    try {
      done += (await attempt(group)).length;
    } catch (error) {
      if (group.length > 1) {
        logger.warn(
          `checkout intakes: a batch of ${group.length} failed (${errorMessage(error)}); trying each alone`,
        );
      }
      alone.push(...group);
    }
  }
  let failed = 0;
  for (const intake of alone) {
    try {
      done += (await attempt([intake])).length;
    } catch (error) {
      const message = errorMessage(error);
      const gaveUp = await service.retryOrFail(intake.id, owner, message);
      logger.warn(`checkout intake ${intake.id}: ${message}${gaveUp ? " (gave up)" : ""}`);
      if (gaveUp) {
        failed += 1;
        await production.releaseFor([intake.id, ...(gaveUp.cart_id ? [gaveUp.cart_id] : [])]);
      }
    }
  }
  return { done, failed };
}

let draining: Promise<void> | undefined;
let swept: Promise<void> | undefined;

/**
 * Once per process, on the conversion job's first run: gives back batch places that no intake
 * or order holds (left by a crash; see reclaimOrphanAllocations).
 */
export function sweepOrphanAllocations(container: MedusaContainer): Promise<void> {
  swept ??= reclaimOrphanAllocations(container).then(
    ({ reclaimed, units }) => {
      if (reclaimed > 0) {
        container
          .resolve(ContainerRegistrationKeys.LOGGER)
          .info(`production batches: gave back ${units} units of ${reclaimed} orphan allocations`);
      }
    },
    (error) => {
      swept = undefined;
      throw error;
    },
  );
  return swept;
}

/**
 * Converts intakes until none is waiting: `converters` loops in this process, each claiming
 * `batch` intakes at a time. One drain per process at a time (a second call joins the running
 * one); several processes share the work through `claim`'s SKIP LOCKED.
 */
export function drainIntakes(
  container: MedusaContainer,
  converters: number,
  batch: number,
): Promise<void> {
  draining ??= (async () => {
    const intakes: CheckoutIntakeModuleService = container.resolve(CHECKOUT_INTAKE_MODULE);
    const logger = container.resolve(ContainerRegistrationKeys.LOGGER);
    const worker = async () => {
      for (;;) {
        const size = await intakePace.turn(batch);
        const claimed = await intakes.claim(owner, size, CLAIM_SECONDS);
        if (claimed.length === 0) return;
        const ids = claimed.map((i) => i.id);
        const heartbeat = setInterval(() => {
          intakes.heartbeat(owner, ids).catch((error) => {
            logger.warn(`checkout intakes: heartbeat failed (${errorMessage(error)})`);
          });
        }, HEARTBEAT_MS);
        try {
          await convertIntakes(container, claimed);
        } finally {
          clearInterval(heartbeat);
        }
      }
    };
    await Promise.all(Array.from({ length: converters }, worker));
  })().finally(() => {
    draining = undefined;
  });
  return draining;
}
