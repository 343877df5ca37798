import type { MedusaContainer } from "@medusajs/framework/types";
import { CHECKOUT_INTAKE_MODULE } from "../../../modules/checkout-intake";
import type CheckoutIntakeModuleService from "../../../modules/checkout-intake/service";

export interface QueueShape {
  waiting: number;
  oldest: Date | null;
  newest: Date | null;
  doneLast10s: number;
}

/** Bounds of the hint: never more often than every second, never a wait over 30 s. */
export const POLL_AFTER_MS = { min: 1_000, max: 30_000 } as const;

/**
 * When a waiting checkout's page should ask again, in ms: about when its order should exist.
 * Intakes are converted oldest first, so its place in the queue is estimated from where its
 * arrival falls between the oldest and the newest waiting one (arrivals spread evenly), and
 * the time from the orders made in the last 10 s (at least `floorPerSecond`, the pace a rush
 * still converts at). A launch's pages then ask every 30 s instead of every second while the
 * rush is taken, and every second when their turn is near.
 */
export function pollAfterMs(
  createdAt: Date,
  status: string,
  shape: QueueShape,
  floorPerSecond: number,
): number {
  if (status !== "pending" || !shape.oldest || !shape.newest) return POLL_AFTER_MS.min;
  const span = shape.newest.getTime() - shape.oldest.getTime();
  const share = span > 0 ? (createdAt.getTime() - shape.oldest.getTime()) / span : 1;
  const ahead = shape.waiting * Math.min(1, Math.max(0, share));
  const perSecond = Math.max(shape.doneLast10s / 10, floorPerSecond, 0.1);
  const eta = (ahead / perSecond) * 1000;
  return Math.round(Math.min(POLL_AFTER_MS.max, Math.max(POLL_AFTER_MS.min, eta)));
}

const SHAPE_TTL_MS = 2_000;
let cached: { at: number; shape: Promise<QueueShape> } | undefined;

/**
 * The queue's shape, read at most every 2 s by this process however many pages ask (one
 * query of the partial index on waiting intakes, and one count of the last 10 s's orders).
 */
export function queueShape(container: MedusaContainer): Promise<QueueShape> {
  const now = Date.now();
  if (!cached || now - cached.at > SHAPE_TTL_MS) {
    const intakes: CheckoutIntakeModuleService = container.resolve(CHECKOUT_INTAKE_MODULE);
    const shape = intakes.queueShape();
    cached = { at: now, shape };
    // A failed read is not kept: the next page asks again.
    shape.catch(() => {
      if (cached?.shape === shape) cached = undefined;
    });
  }
  return cached.shape;
}
