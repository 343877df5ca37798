import { describe, expect, it } from "vitest";
import {
  ORDER_LINK_DAYS,
  signOrderLink,
  verifyOrderLink,
} from "../../backend/src/lib/order-links.ts";

const order = "order_01KM8FEMC39WFEMW27EYZPBSPW";
const secret = "s".repeat(64);

describe("signed order links", () => {
  it("round-trips and names the order", () => {
    expect(verifyOrderLink(signOrderLink(order, secret), secret)).toBe(order);
  });

  it.each([
    ["another secret", (t: string) => verifyOrderLink(t, "x".repeat(64))],
    ["a changed order id", (t: string) => verifyOrderLink(t.replace("01KM", "01KN"), secret)],
    [
      "a later expiry",
      (t: string) =>
        verifyOrderLink(
          t.replace(/\.(\d+)\./, (_, e) => `.${Number(e) + 1}.`),
          secret,
        ),
    ],
    ["garbage", () => verifyOrderLink("order_1.2.3", secret)],
    ["a number", () => verifyOrderLink(42, secret)],
  ])("refuses %s", (_, check) => {
    expect(check(signOrderLink(order, secret))).toBeNull();
  });

  it("expires", () => {
    const now = Date.UTC(2027, 0, 1);
    const token = signOrderLink(order, secret, now);
    expect(verifyOrderLink(token, secret, now + (ORDER_LINK_DAYS - 1) * 86_400_000)).toBe(order);
    expect(verifyOrderLink(token, secret, now + (ORDER_LINK_DAYS + 1) * 86_400_000)).toBeNull();
  });
});
