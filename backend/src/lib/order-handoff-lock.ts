import type { ILockingModule, MedusaContainer } from "@medusajs/framework/types";
import { Modules } from "@medusajs/framework/utils";

/** The lock a buyer's cancel and the 3PL export both take for an order. */
export const handoffLockKey = (orderId: string) => `camslide-handoff:${orderId}`;

/**
 * Runs `job` while no cancel and no other export can touch these orders, so that each order
 * is either handed to the 3PL or cancelled, never both. Keys are taken in sorted order, so two
 * exports waiting on overlapping pages cannot deadlock. With Redis the lock holds across
 * processes (the locking-redis provider); without it, within the one process.
 */
export async function withOrderHandoffLock<T>(
  container: MedusaContainer,
  orderIds: string[],
  job: () => Promise<T>,
): Promise<T> {
  if (orderIds.length === 0) return job();
  const locking: ILockingModule = container.resolve(Modules.LOCKING);
  const keys = [...new Set(orderIds)].sort().map(handoffLockKey);
  // A cancel runs Medusa's cancellation (payment refund included) under the lock; an export
  // page waits for at most that long per order it meets.
  return locking.execute(keys, job, { timeout: 60 });
}
