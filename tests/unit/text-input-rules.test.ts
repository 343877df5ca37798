import { describe, expect, it } from "vitest";
import {
  unreadablePathProblem,
  unreadableTextBodyProblem,
  unreadableValueProblem,
} from "../../backend/src/api/text-input-rules.ts";

const NUL = "\u0000";
const LONE_HIGH = "\ud800";
const LONE_LOW = "\udc00";

describe("text no route can store (NUL, unpaired surrogates)", () => {
  it.each([
    [
      "a NUL in a nested field",
      { shipping_address: { city: `Zü${NUL}rich` } },
      "shipping_address.city",
      /NUL/,
    ],
    ["a lone high surrogate", { email: `a${LONE_HIGH}@example.ch` }, "email", /unpaired surrogate/],
    ["a lone low surrogate", { note: `${LONE_LOW}x` }, "note", /unpaired surrogate/],
    [
      "a string in an array",
      { items: [{ variant_id: "v" }, { variant_id: NUL }] },
      "items.1.variant_id",
      /NUL/,
    ],
    ["a field name", { metadata: { [`k${NUL}`]: "v" } }, "metadata", /field name/],
    ["the body itself", `x${NUL}`, "body", /NUL/],
  ])("refuses %s, naming %s", (_, body, field, reason) => {
    const problem = unreadableValueProblem(body);
    expect(problem?.startsWith(`${field}: `)).toBe(true);
    expect(problem).toMatch(reason);
  });

  it.each([
    ["ordinary text", { city: "Zürich", note: "Merci 😀 – à bientôt" }],
    ["numbers, booleans and null", { quantity: 2, ok: true, company: null }],
    ["an emoji's surrogate pair", { name: "\ud83d\ude00" }],
    ["nothing", undefined],
  ])("lets %s through", (_, body) => {
    expect(unreadableValueProblem(body)).toBeUndefined();
  });

  it("names a query parameter as one", () => {
    expect(unreadableValueProblem({ token: `t${NUL}` }, "query parameter")).toMatch(
      /^query parameter token: /,
    );
  });

  it("walks a deeply nested body without running out of stack", () => {
    let deep: unknown = NUL;
    for (let i = 0; i < 200_000; i++) deep = [deep];
    expect(unreadableValueProblem(deep)).toMatch(/NUL/);
  });

  it("names the line of a text body (the tracking CSV) and a path segment", () => {
    expect(unreadableTextBodyProblem(`order_number,carrier\n1,D${NUL}HL\n`)).toMatch(
      /^body line 2: .*NUL/,
    );
    expect(unreadableTextBodyProblem("order_number,carrier\n1,DHL\n")).toBeUndefined();
    expect(unreadablePathProblem("/admin/retailers/ret_%00/statement.csv")).toMatch(
      /^path segment "ret_%00": .*NUL/,
    );
    expect(unreadablePathProblem("/store/carts/cart_01%20x")).toBeUndefined();
    expect(unreadablePathProblem("/store/carts/%E0%A4%A")).toBeUndefined();
  });
});
