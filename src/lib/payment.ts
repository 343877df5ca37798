/**
 * Which payment provider the checkout uses, from what Medusa offers for the cart's region: Stripe
 * when the shop has it (and the storefront was built with Stripe's publishable key), Medusa's
 * system provider in the demo. Card data only ever goes into Stripe's own iframe.
 */
export const STRIPE_PROVIDER = "pp_stripe_stripe";
export const SYSTEM_PROVIDER = "pp_system_default";

export type PaymentChoice =
  | { kind: "stripe"; providerId: typeof STRIPE_PROVIDER; publishableKey: string }
  | { kind: "system"; providerId: typeof SYSTEM_PROVIDER };

export type PaymentProblem = "none-offered" | "stripe-key-missing";

export function choosePayment(
  offered: readonly string[],
  stripePublishableKey: string | undefined,
): PaymentChoice | PaymentProblem {
  if (offered.includes(STRIPE_PROVIDER)) {
    const key = stripePublishableKey?.trim();
    // A secret key must never be built into a page: only pk_… is accepted here.
    if (!key || !/^pk_(test|live)_/.test(key)) return "stripe-key-missing";
    return { kind: "stripe", providerId: STRIPE_PROVIDER, publishableKey: key };
  }
  if (offered.includes(SYSTEM_PROVIDER)) return { kind: "system", providerId: SYSTEM_PROVIDER };
  return "none-offered";
}

/** The PaymentIntent's client secret from the payment collection Medusa returned. */
export function stripeClientSecret(collection: {
  payment_sessions?: { provider_id: string; data?: Record<string, unknown> | null }[] | null;
}): string | undefined {
  const session = collection.payment_sessions?.find((s) => s.provider_id === STRIPE_PROVIDER);
  const secret = session?.data?.client_secret;
  return typeof secret === "string" && secret.includes("_secret_") ? secret : undefined;
}
