import { useEffect, useState } from "react";

/**
 * False during the first render in the browser, true after it. Islands render what the server
 * rendered until then (shared stores may already hold the shopper's cart, region or selection,
 * loaded by another island), so React's hydration always matches the static HTML.
 */
export function useHydrated(): boolean {
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  return hydrated;
}
