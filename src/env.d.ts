interface ImportMetaEnv {
  /** Where the browser reaches Medusa's store API, baked in at build time. */
  readonly PUBLIC_MEDUSA_BACKEND_URL?: string;
  /** The publishable API key the seed created; safe to ship to browsers. */
  readonly PUBLIC_MEDUSA_PUBLISHABLE_KEY?: string;
  /** Stripe's publishable key (pk_…) when the shop takes cards through Stripe. */
  readonly PUBLIC_STRIPE_PUBLISHABLE_KEY?: string;
}

interface ImportMeta {
  readonly env: ImportMetaEnv;
}
