import { describe, expect, it } from "vitest";
import { currencyDigits, payableAmount } from "../../backend/src/lib/currency-amount.ts";

describe("payableAmount", () => {
  it.each([
    ["a CHF total with Medusa's four tax decimals", 19.8904, "chf", 19.89],
    ["a half rounds up", 10.005, "eur", 10.01],
    ["a whole amount stays whole", 42, "usd", 42],
    ["a yen total has no decimals", 1234.5, "jpy", 1235],
  ])("rounds %s to what the currency can pay", (_name, amount, currency, expected) => {
    expect(payableAmount(amount, currency)).toBe(expected);
  });

  it.each([
    ["chf", 2],
    ["EUR", 2],
    ["usd", 2],
    ["jpy", 0],
  ])("knows %s has %i decimals", (currency, digits) => {
    expect(currencyDigits(currency)).toBe(digits);
  });
});
