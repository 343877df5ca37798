import { type RegionKey, type ShopLocale, shopLocales } from "../product/index.ts";
import { de } from "./de.ts";
import { en, type MessageKey, type Messages } from "./en.ts";
import { fr } from "./fr.ts";

export type { MessageKey, Messages };

export const locales = shopLocales;
export type Locale = ShopLocale;
export const defaultLocale: Locale = "en";

const catalogues: Record<Locale, Messages> = { en, fr, de };

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (locales as readonly string[]).includes(value);
}

export type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

const translators = new Map<Locale, Translate>();

/**
 * A translator for one locale: `t("error.tooLong", { max: 80 })`. The same function is
 * returned for the same locale, so islands can list it in hook dependencies.
 */
export function translator(locale: Locale): Translate {
  let t = translators.get(locale);
  if (!t) {
    const messages = catalogues[locale];
    t = (key, values) =>
      messages[key].replace(/\{(\w+)\}/g, (whole, name: string) =>
        values && name in values ? String(values[name]) : whole,
      );
    translators.set(locale, t);
  }
  return t;
}

export function catalogue(locale: Locale): Messages {
  return catalogues[locale];
}

/** The BCP 47 locale for Intl formatting: the shopper's language in the region's country. */
export function intlLocale(locale: Locale, region: RegionKey): string {
  if (region === "ch") return `${locale}-CH`;
  if (locale === "en") return region === "eu" ? "en-IE" : "en-US";
  return `${locale}-${locale.toUpperCase()}`;
}

export { type RouteKey, routes } from "../product/index.ts";

/** Which language a path is in, from its first segment. */
export function localeOfPath(pathname: string): Locale {
  const first = pathname.split("/")[1];
  return isLocale(first) ? first : defaultLocale;
}
