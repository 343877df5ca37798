import { useCallback, useState } from "react";
import type { Translate } from "../i18n/index.ts";
import { describeError } from "./errors.ts";

/**
 * Runs one shop action at a time: `busy` while it runs, its failure as a sentence for the
 * shopper in `error`. Used by the cart and the checkout.
 */
export function useAction(t: Translate) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const run = useCallback(
    async (action: () => Promise<unknown>) => {
      setBusy(true);
      setError(undefined);
      try {
        await action();
      } catch (reason) {
        setError(describeError(reason, t));
      } finally {
        setBusy(false);
      }
    },
    [t],
  );
  return { busy, setBusy, error, setError, run };
}
