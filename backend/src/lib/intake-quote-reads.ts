import { LRUCache } from "lru-cache";

const QUOTE_TTL_MS = 10_000;
/** Keyed by the ids a quote's client sends: at most QUOTE_READS_MAX, each for QUOTE_TTL_MS. */
export const QUOTE_READS_MAX = 1_000;
const quoteReads = new LRUCache<string, { value: Promise<unknown> }>({
  max: QUOTE_READS_MAX,
  ttl: QUOTE_TTL_MS,
});

/** How many shared quote reads this process keeps (for tests of the bound). */
export function quoteReadsSize(): number {
  return quoteReads.size;
}

/**
 * A catalogue read shared by quotes for QUOTE_TTL_MS (every shopper's quote asks the same), as
 * the intake route's catalogue reads are. A failed read is not kept.
 */
export function sharedRead<T>(key: string, read: () => Promise<T>): Promise<T> {
  const hit = quoteReads.get(key);
  if (hit) return hit.value as Promise<T>;
  const value = read();
  const entry = { value };
  quoteReads.set(key, entry);
  value.catch(() => {
    if (quoteReads.peek(key) === entry) quoteReads.delete(key);
  });
  return value;
}
