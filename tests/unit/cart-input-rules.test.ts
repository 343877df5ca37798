import { describe, expect, it } from "vitest";
import {
  cartBodyProblem,
  cartLimitProblem,
  lineItemBodyProblem,
  linesAfter,
} from "../../backend/src/api/cart-input-rules.ts";

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

  const cart = [
    { id: "li_a", variant_id: "a", quantity: 30 },
    { id: "li_b", variant_id: "b", quantity: 1 },
  ];

  it.each([
    [
      "a new cart of 60 of one cover",
      "create",
      { items: [{ variant_id: "a", quantity: 60 }] },
      [],
      /At most 50 of one cover/,
    ],
    [
      "a new cart with two lines of 30 of one cover",
      "create",
      {
        items: [
          { variant_id: "a", quantity: 30 },
          { variant_id: "a", quantity: 30 },
        ],
      },
      [],
      /At most 50 of one cover/,
    ],
    [
      "30 more of a cover the cart has 30 of",
      "add",
      { variant_id: "a", quantity: 30 },
      cart,
      /At most 50 of one cover/,
    ],
    [
      "20 more of a cover the cart has 30 of",
      "add",
      { variant_id: "a", quantity: 20 },
      cart,
      undefined,
    ],
    ["a line of 30 set to 60", "update", { quantity: 60 }, cart, /At most 50 of one cover/],
    ["a line of 30 set to 50", "update", { quantity: 50 }, cart, undefined],
    [
      "an eleventh different cover",
      "add",
      { variant_id: "k", quantity: 1 },
      Array.from({ length: 10 }, (_, i) => ({ id: `li_${i}`, variant_id: `v${i}`, quantity: 1 })),
      /At most 10 different covers/,
    ],
  ] as const)(
    "refuses %s with the shop's message, counting what the cart holds",
    (_, route, body, current, expected) => {
      const problem = cartLimitProblem(linesAfter(route, body, current, "li_a"));
      if (expected) expect(problem).toMatch(expected);
      else expect(problem).toBeUndefined();
    },
  );
});
