import { describe, expect, it } from "vitest";
import { cartBodyProblem, lineItemBodyProblem } from "../../backend/src/api/cart-input-rules.ts";

describe("cart input rules", () => {
  it.each([
    [{ quantity: 1 }, undefined],
    [{ quantity: 250 }, undefined],
    [{}, undefined],
    [{ quantity: 1.5 }, /whole number/],
    [{ quantity: "3" }, /whole number/],
    [{ quantity: Number.NaN }, /whole number/],
    [{ quantity: 1e300 }, /whole number/],
    [{ quantity: null }, /whole number/],
  ])("line item %j -> %s", (body, expected) => {
    const problem = lineItemBodyProblem(body);
    if (expected) expect(problem).toMatch(expected);
    else expect(problem).toBeUndefined();
  });

  it.each([
    [{ region_id: "reg_1" }, undefined],
    [{ shipping_address: { country_code: "ch" } }, undefined],
    [{ shipping_address: { city: "Zürich" } }, /shipping_address.country_code/],
    [{ shipping_address: { country_code: " " } }, /country_code/],
    [{ billing_address: { country_code: 41 } }, /billing_address.country_code/],
    [{ shipping_address: "Zürich" }, /address object/],
    [{ items: [{ variant_id: "v", quantity: 2 }] }, undefined],
    [
      {
        items: [
          { variant_id: "v", quantity: 2 },
          { variant_id: "w", quantity: 0.5 },
        ],
      },
      /items\[1\]/,
    ],
  ])("cart %j -> %s", (body, expected) => {
    const problem = cartBodyProblem(body);
    if (expected) expect(problem).toMatch(expected);
    else expect(problem).toBeUndefined();
  });
});
