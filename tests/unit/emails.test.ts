import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { type EmailTemplate, emailTemplates, formatDay } from "../../backend/src/lib/emails.ts";
import { type ShopLocale, shopLocales } from "../../src/product/index.ts";

const link = "https://shop.example/order/status/?token=abc.def";

/** Sample values for each template in a language, including the optional parts left out. */
function samples(locale: ShopLocale) {
  const day = (iso: string) => formatDay(iso, locale);
  return {
    "order-placed": [
      { number: 1042, shipsBy: day("2027-01-29"), batch: 3, link },
      { number: 1043, shipsBy: null, batch: null, link },
    ],
    "order-canceled": [{ number: 1044, link }],
    "batch-date-changed": [{ number: 1045, batch: 4, shipsBy: day("2027-06-30"), link }],
    "order-shipped": [
      { number: 1046, carrier: "Swiss Post", tracking: "99.00.111", link },
      { number: 1047, carrier: null, tracking: "JD0001", link },
    ],
  } satisfies { [T in EmailTemplate]: Parameters<(typeof emailTemplates)[T]["en"]>[0][] };
}

const templates = Object.keys(emailTemplates) as EmailTemplate[];

function render(template: EmailTemplate, locale: ShopLocale, index: number) {
  const values = samples(locale)[template][index] as Record<string, string | number | null>;
  // Each template takes its own values; samples() pairs them.
  const write = emailTemplates[template][locale] as unknown as (v: typeof values) => {
    subject: string;
    text: string;
  };
  return { values, email: write(values) };
}

const cases = templates.flatMap((template) =>
  shopLocales.flatMap((locale) =>
    samples(locale)[template].map((_, index) => [template, locale, index] as const),
  ),
);

/** Words of the English emails that a French or German one must not contain. */
const english =
  /\b(your|order|the|thank|ships?|shipped|cancel(l?ed)?|refund(ed)?|tracking|batch|carrier|with)\b/i;

describe("emails to buyers, every template in every language", () => {
  it("has every language for every template the subscribers send", () => {
    const subscribers = join(import.meta.dirname, "../../backend/src/subscribers");
    const sent = readdirSync(subscribers).flatMap((file) =>
      readFileSync(join(subscribers, file), "utf8")
        .split("\n")
        .filter((line) => /\btemplate:/.test(line))
        .flatMap((line) => [...line.matchAll(/"([a-z]+(?:-[a-z]+)+)"/g)].map((m) => m[1])),
    );
    expect(new Set(sent)).toEqual(new Set(templates));
    for (const template of templates) {
      expect(Object.keys(emailTemplates[template]).sort(), template).toEqual(
        [...shopLocales].sort(),
      );
    }
  });

  it.each(cases)("%s in %s (sample %i) reads as a finished email", (template, locale, index) => {
    const { values, email } = render(template, locale, index);
    for (const part of [email.subject, email.text]) {
      expect(part.trim()).not.toBe("");
      expect(part).not.toMatch(/undefined|null|NaN|\[object|\$\{|\{|\}/);
    }
    expect(email.subject).toContain(String(values.number));
    expect(email.text).toContain(String(values.number));
    expect(email.text).toContain(link);
    for (const [key, value] of Object.entries(values)) {
      if (typeof value === "string" || typeof value === "number") {
        expect(email.text, key).toContain(String(value));
      }
    }
  });

  it.each(cases.filter(([, locale]) => locale !== "en"))(
    "%s in %s (sample %i) has no English left in it",
    (template, locale, index) => {
      const { values, email } = render(template, locale, index);
      const english_ = render(template, "en", index).email;
      expect(email.subject).not.toBe(english_.subject);
      expect(email.text).not.toBe(english_.text);
      // The buyer's own values (a carrier's name) may be English; the shop's words may not.
      let words = `${email.subject}\n${email.text}`.replace(link, "");
      for (const value of Object.values(values)) {
        if (typeof value === "string") words = words.replace(value, "");
      }
      expect(words).not.toMatch(english);
    },
  );

  it.each([
    ["en", "29 January 2027"],
    ["fr", "29 janvier 2027"],
    ["de", "29. Januar 2027"],
  ] as const)("writes a ship-by date in %s as %s", (locale, expected) => {
    expect(formatDay("2027-01-29", locale)).toBe(expected);
  });
});
