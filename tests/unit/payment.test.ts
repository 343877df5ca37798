import { describe, expect, it } from "vitest";
import { choosePayment, stripeClientSecret } from "../../src/lib/payment.ts";

describe("the checkout's payment provider", () => {
  it.each([
    [["pp_system_default"], undefined, "system"],
    [["pp_stripe_stripe"], "pk_test_123", "stripe"],
    [["pp_system_default", "pp_stripe_stripe"], "pk_live_123", "stripe"],
    // Stripe offered, but the storefront was built without its publishable key (or with a
    // secret key, which must never reach a page): say so, never fall back silently.
    [["pp_stripe_stripe"], undefined, "stripe-key-missing"],
    [["pp_stripe_stripe"], "sk_live_123", "stripe-key-missing"],
    [[], "pk_test_123", "none-offered"],
    [["pp_paypal_paypal"], undefined, "none-offered"],
  ] as const)("offered %j with key %s: %s", (offered, key, expected) => {
    const choice = choosePayment(offered, key);
    expect(typeof choice === "string" ? choice : choice.kind).toBe(expected);
  });

  it("takes the PaymentIntent's client secret from Stripe's session only", () => {
    const secret = "pi_123_secret_456";
    expect(
      stripeClientSecret({
        payment_sessions: [
          { provider_id: "pp_system_default", data: { client_secret: "pi_x_secret_y" } },
          { provider_id: "pp_stripe_stripe", data: { client_secret: secret } },
        ],
      }),
    ).toBe(secret);
    expect(stripeClientSecret({ payment_sessions: [] })).toBeUndefined();
    expect(
      stripeClientSecret({
        payment_sessions: [{ provider_id: "pp_stripe_stripe", data: { client_secret: 42 } }],
      }),
    ).toBeUndefined();
  });
});
