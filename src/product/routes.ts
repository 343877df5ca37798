/**
 * The storefront's pages in each language. Here, beside the rest of the shop's definition,
 * because the backend writes links to them into emails.
 */
export const shopLocales = ["en", "fr", "de"] as const;
export type ShopLocale = (typeof shopLocales)[number];

export const routes = {
  home: { en: "/", fr: "/fr/", de: "/de/" },
  cart: { en: "/cart/", fr: "/fr/panier/", de: "/de/warenkorb/" },
  checkout: { en: "/checkout/", fr: "/fr/commande/", de: "/de/kasse/" },
  confirmed: { en: "/order/", fr: "/fr/merci/", de: "/de/danke/" },
  status: { en: "/order/status/", fr: "/fr/commande/suivi/", de: "/de/bestellung/status/" },
  progress: { en: "/progress/", fr: "/fr/production/", de: "/de/produktion/" },
  retailers: { en: "/retailers/", fr: "/fr/revendeurs/", de: "/de/haendler/" },
} as const satisfies Record<string, Record<ShopLocale, string>>;

export type RouteKey = keyof typeof routes;

export function isShopLocale(value: unknown): value is ShopLocale {
  return typeof value === "string" && (shopLocales as readonly string[]).includes(value);
}
