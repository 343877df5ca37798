import type { MessageKey } from "../i18n/index.ts";
import { type CountryCode, type RegionKey, regionCountries } from "../product/index.ts";

/** Postcode formats of every country the shop ships to, with an example shown to shoppers. */
export const postcodeRules = {
  ch: { pattern: /^\d{4}$/, example: "8001" },
  li: { pattern: /^\d{4}$/, example: "9490" },
  de: { pattern: /^\d{5}$/, example: "10115" },
  fr: { pattern: /^\d{5}$/, example: "75001" },
  it: { pattern: /^\d{5}$/, example: "00184" },
  at: { pattern: /^\d{4}$/, example: "1010" },
  es: { pattern: /^\d{5}$/, example: "28013" },
  nl: { pattern: /^\d{4} ?[A-Z]{2}$/i, example: "1011 AB" },
  be: { pattern: /^\d{4}$/, example: "1000" },
  ie: { pattern: /^[A-Z]\d[\dW] ?[A-Z\d]{4}$/i, example: "D02 X285" },
  pt: { pattern: /^\d{4}-\d{3}$/, example: "1100-148" },
  se: { pattern: /^\d{3} ?\d{2}$/, example: "111 22" },
  dk: { pattern: /^\d{4}$/, example: "1050" },
  fi: { pattern: /^\d{5}$/, example: "00100" },
  pl: { pattern: /^\d{2}-\d{3}$/, example: "00-001" },
  lu: { pattern: /^(L-)?\d{4}$/i, example: "1111" },
  us: { pattern: /^\d{5}(-\d{4})?$/, example: "94103" },
  ca: { pattern: /^[A-Z]\d[A-Z] ?\d[A-Z]\d$/i, example: "K1A 0B1" },
  gb: { pattern: /^[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}$/i, example: "SW1A 1AA" },
  no: { pattern: /^\d{4}$/, example: "0150" },
  au: { pattern: /^\d{4}$/, example: "2000" },
  nz: { pattern: /^\d{4}$/, example: "6011" },
  jp: { pattern: /^\d{3}-?\d{4}$/, example: "100-0001" },
  sg: { pattern: /^\d{6}$/, example: "018956" },
} as const satisfies Record<CountryCode, { pattern: RegExp; example: string }>;

export const fieldLimits = {
  email: 254,
  first_name: 60,
  last_name: 60,
  address_1: 100,
  address_2: 100,
  postal_code: 12,
  city: 60,
  phone: 30,
} as const;

export type AddressField = Exclude<keyof typeof fieldLimits, "email"> | "country_code";

export interface AddressInput {
  first_name: string;
  last_name: string;
  address_1: string;
  address_2: string;
  postal_code: string;
  city: string;
  country_code: string;
  phone: string;
}

export interface FieldError {
  key: MessageKey;
  values?: Record<string, string | number>;
}

const REQUIRED: readonly AddressField[] = [
  "first_name",
  "last_name",
  "address_1",
  "postal_code",
  "city",
  "country_code",
];

function tooLong(field: keyof typeof fieldLimits, value: string): FieldError | undefined {
  const max = fieldLimits[field];
  return value.length > max ? { key: "error.tooLong", values: { max } } : undefined;
}

/** Checks an email address the way a shop should: present, plausible, not absurdly long. */
export function emailError(email: string): FieldError | undefined {
  const value = email.trim();
  if (!value) return { key: "error.required" };
  return (
    tooLong("email", value) ??
    (/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value) ? undefined : { key: "error.email" })
  );
}

/**
 * Checks a shipping address for a region: required fields, lengths, a country of the region
 * and a postcode in that country's format. Returns one error per field that has one.
 */
export function addressErrors(
  input: AddressInput,
  region: RegionKey,
  countryName: (code: string) => string = (code) => code.toUpperCase(),
): Partial<Record<AddressField, FieldError>> {
  const errors: Partial<Record<AddressField, FieldError>> = {};
  for (const field of REQUIRED) {
    if (!input[field].trim()) errors[field] = { key: "error.required" };
  }
  for (const field of Object.keys(fieldLimits) as (keyof typeof fieldLimits)[]) {
    if (field === "email" || errors[field]) continue;
    const problem = tooLong(field, input[field].trim());
    if (problem) errors[field] = problem;
  }
  const country = input.country_code.trim().toLowerCase();
  if (!errors.country_code && !(regionCountries(region) as string[]).includes(country)) {
    errors.country_code = { key: "error.country" };
  }
  if (!errors.postal_code && !errors.country_code) {
    const rule = postcodeRules[country as CountryCode];
    if (!rule.pattern.test(input.postal_code.trim())) {
      errors.postal_code = {
        key: "error.postcode",
        values: { country: countryName(country), example: rule.example },
      };
    }
  }
  return errors;
}
