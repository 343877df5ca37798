import type { Translate } from "../i18n/index.ts";
import { orderLimitInMessage } from "../product/index.ts";

/**
 * Turns what a Medusa call threw into a sentence for the shopper. No answer at all (network
 * down, server stopped), stock problems and one checkout's limits (orderLimits, whichever path
 * refused them) get their own messages in the shopper's language; any other refusal shows
 * Medusa's own message.
 */
export function describeError(reason: unknown, t: Translate): string {
  const { status, message } = (reason ?? {}) as { status?: number; message?: string };
  if (!status || status >= 500) return t("error.network");
  if (/inventory|stock/i.test(message ?? "")) return t("error.outOfStock");
  const limit = orderLimitInMessage(message);
  if (limit) {
    return t(limit.kind === "perCover" ? "error.limitPerCover" : "error.limitCovers", {
      max: limit.max,
    });
  }
  return t("error.generic", { message: message ?? String(reason) });
}
