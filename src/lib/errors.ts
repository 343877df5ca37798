import type { Translate } from "../i18n/index.ts";

/**
 * Turns what a Medusa call threw into a sentence for the shopper. No answer at all (network
 * down, server stopped) and stock problems get their own messages; any other refusal shows
 * Medusa's own message.
 */
export function describeError(reason: unknown, t: Translate): string {
  const { status, message } = (reason ?? {}) as { status?: number; message?: string };
  if (!status || status >= 500) return t("error.network");
  if (/inventory|stock/i.test(message ?? "")) return t("error.outOfStock");
  return t("error.generic", { message: message ?? String(reason) });
}
