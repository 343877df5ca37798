import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  catalogue,
  intlLocale,
  localeOfPath,
  locales,
  routes,
  translator,
} from "../../src/i18n/index.ts";

describe("translations", () => {
  it.each(locales)(
    "%s has every key, none empty, with the same placeholders as English",
    (locale) => {
      const en = catalogue("en");
      const messages = catalogue(locale);
      expect(Object.keys(messages).sort()).toEqual(Object.keys(en).sort());
      for (const [key, text] of Object.entries(messages)) {
        expect(text.trim(), key).not.toBe("");
        const placeholders = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
        expect(placeholders(text), key).toEqual(placeholders(en[key as keyof typeof en]));
      }
    },
  );

  it("fills placeholders and leaves unknown ones visible", () => {
    expect(translator("de")("error.tooLong", { max: 60 })).toBe("Höchstens 60 Zeichen.");
    expect(translator("fr")("cart.removePromo", {})).toContain("{code}");
  });

  it("formats for the shopper's language in the region's country", () => {
    expect(intlLocale("fr", "ch")).toBe("fr-CH");
    expect(intlLocale("de", "eu")).toBe("de-DE");
    expect(intlLocale("en", "world")).toBe("en-US");
  });

  it("has a route for every page in every language, and knows a path's language", () => {
    for (const route of Object.values(routes)) {
      for (const locale of locales) expect(localeOfPath(route[locale])).toBe(locale);
    }
  });
});

/** Shopper-facing text belongs in src/i18n; this finds text written straight into markup. */
async function componentFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((e) => e.isFile() && /\.(tsx|astro)$/.test(e.name))
    .map((e) => join(e.parentPath, e.name));
}

describe("components", () => {
  it("write no shopper-facing words outside the translation files", async () => {
    const offenders: string[] = [];
    const files = [
      ...(await componentFiles("src/components")),
      ...(await componentFiles("src/layouts")),
    ];
    for (const file of files) {
      const source = await readFile(file, "utf8");
      const markup = file.endsWith(".astro") ? source.replace(/^---[\s\S]*?---/, "") : source;
      // Text between a closing > and the next <, with at least one word of two letters.
      // (An arrow's => is code, not the end of a tag.)
      for (const match of markup.matchAll(/(?<!=)>([^<>{}]*)</g)) {
        const text = (match[1] ?? "").trim();
        // Code between a type parameter's > and the next < is not markup.
        if (/[;=]/.test(text)) continue;
        if (/\p{L}{2,}/u.test(text)) offenders.push(`${file}: "${text}"`);
      }
    }
    expect(offenders).toEqual([]);
  });
});
