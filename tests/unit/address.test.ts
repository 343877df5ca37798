import { describe, expect, it } from "vitest";
import {
  type AddressInput,
  addressErrors,
  emailError,
  postcodeRules,
} from "../../src/lib/address.ts";
import { regionCountries, regionKeys } from "../../src/product/index.ts";

const swiss: AddressInput = {
  first_name: "Anna",
  last_name: "Muster",
  address_1: "Bahnhofstrasse 1",
  address_2: "",
  postal_code: "8001",
  city: "Zürich",
  country_code: "ch",
  phone: "",
};

describe("address validation", () => {
  it("accepts a complete Swiss address in the Swiss region", () => {
    expect(addressErrors(swiss, "ch")).toEqual({});
  });

  it.each([
    ["ch", "800", "ch"],
    ["ch", "80011", "ch"],
    ["de", "1011", "eu"],
    ["de", "ABCDE", "eu"],
    ["fr", "7500", "eu"],
    ["us", "9410", "world"],
    ["us", "94103-12", "world"],
  ] as const)("refuses the %s postcode %j with an example", (country, postcode, region) => {
    const errors = addressErrors(
      { ...swiss, country_code: country, postal_code: postcode },
      region,
    );
    expect(errors.postal_code?.key).toBe("error.postcode");
    expect(errors.postal_code?.values?.example).toBe(postcodeRules[country].example);
  });

  it.each([
    ["de", "10115", "eu"],
    ["fr", "75001", "eu"],
    ["us", "94103-1234", "world"],
    ["gb", "sw1a 1aa", "world"],
    ["nl", "1011AB", "eu"],
  ] as const)("accepts the %s postcode %j", (country, postcode, region) => {
    expect(
      addressErrors({ ...swiss, country_code: country, postal_code: postcode }, region),
    ).toEqual({});
  });

  it("gives every example postcode a pass under its own rule", () => {
    for (const region of regionKeys) {
      for (const country of regionCountries(region)) {
        const rule = postcodeRules[country];
        expect(rule.pattern.test(rule.example), country).toBe(true);
      }
    }
  });

  it("asks for every required field and limits lengths", () => {
    const errors = addressErrors(
      { ...swiss, first_name: " ", city: "x".repeat(61), country_code: "" },
      "ch",
    );
    expect(errors.first_name?.key).toBe("error.required");
    expect(errors.city).toEqual({ key: "error.tooLong", values: { max: 60 } });
    expect(errors.country_code?.key).toBe("error.required");
  });

  it("refuses a country outside the chosen region", () => {
    expect(addressErrors(swiss, "eu").country_code?.key).toBe("error.country");
  });
});

describe("email validation", () => {
  it.each([
    ["", "error.required"],
    ["anna", "error.email"],
    ["anna@example", "error.email"],
    ["a b@example.ch", "error.email"],
    [`${"a".repeat(250)}@example.ch`, "error.tooLong"],
  ])("refuses %j", (email, key) => {
    expect(emailError(email)?.key).toBe(key);
  });

  it("accepts a plain address", () => {
    expect(emailError(" anna@example.ch ")).toBeUndefined();
  });
});
