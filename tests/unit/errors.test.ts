import { describe, expect, it } from "vitest";
import { translator } from "../../src/i18n/index.ts";
import { describeError } from "../../src/lib/errors.ts";

const t = translator("en");

describe("errors shown to shoppers", () => {
  it.each([
    [new TypeError("fetch failed"), t("error.network")],
    [{ status: 503, message: "Service Unavailable" }, t("error.network")],
    [
      { status: 400, message: "Some variant does not have the required inventory" },
      t("error.outOfStock"),
    ],
    [{ status: 400, message: "Email is invalid" }, "Something went wrong: Email is invalid"],
  ])("%j -> %s", (reason, expected) => {
    expect(describeError(reason, t)).toBe(expected);
  });
});
