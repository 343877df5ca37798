import { isShopLocale, type ShopLocale } from "@camslide/product";

/**
 * What Camslide writes to buyers, in their language (the storefront records it on the cart,
 * and Medusa copies it to the order). Plain text: it reads the same in every mail client.
 */
interface Email {
  subject: string;
  text: string;
}

interface PlacedValues {
  number: number;
  shipsBy: string | null;
  batch: number | null;
  link: string;
}

interface CanceledValues {
  number: number;
  link: string;
}

const placed: Record<ShopLocale, (v: PlacedValues) => Email> = {
  en: (v) => ({
    subject: `Your Camslide order #${v.number}`,
    text: `Thank you for your order #${v.number}.\n\n${v.shipsBy ? `It ships by ${v.shipsBy} with production batch ${v.batch}.\n\n` : ""}See its status, track it or cancel it for a full refund before it ships:\n${v.link}\n`,
  }),
  fr: (v) => ({
    subject: `Votre commande Camslide n° ${v.number}`,
    text: `Merci pour votre commande n° ${v.number}.\n\n${v.shipsBy ? `Elle part d’ici le ${v.shipsBy} avec le lot de production ${v.batch}.\n\n` : ""}Suivez-la ou annulez-la avec remboursement intégral avant l’expédition :\n${v.link}\n`,
  }),
  de: (v) => ({
    subject: `Ihre Camslide-Bestellung Nr. ${v.number}`,
    text: `Danke für Ihre Bestellung Nr. ${v.number}.\n\n${v.shipsBy ? `Sie wird bis ${v.shipsBy} mit Produktionslos ${v.batch} versandt.\n\n` : ""}Status, Sendungsverfolgung oder Stornierung mit voller Rückerstattung vor dem Versand:\n${v.link}\n`,
  }),
};

const canceled: Record<ShopLocale, (v: CanceledValues) => Email> = {
  en: (v) => ({
    subject: `Camslide order #${v.number} is cancelled`,
    text: `Your order #${v.number} is cancelled and your payment is refunded in full.\n\n${v.link}\n`,
  }),
  fr: (v) => ({
    subject: `Commande Camslide n° ${v.number} annulée`,
    text: `Votre commande n° ${v.number} est annulée et votre paiement intégralement remboursé.\n\n${v.link}\n`,
  }),
  de: (v) => ({
    subject: `Camslide-Bestellung Nr. ${v.number} storniert`,
    text: `Ihre Bestellung Nr. ${v.number} ist storniert, Ihre Zahlung wird vollständig erstattet.\n\n${v.link}\n`,
  }),
};

interface MovedValues {
  number: number;
  batch: number;
  shipsBy: string;
  link: string;
}

const moved: Record<ShopLocale, (v: MovedValues) => Email> = {
  en: (v) => ({
    subject: `New ship date for your Camslide order #${v.number}`,
    text: `Production batch ${v.batch} has a new date: your order #${v.number} now ships by ${v.shipsBy}.

If that no longer suits you, cancel in one click for a full refund:
${v.link}
`,
  }),
  fr: (v) => ({
    subject: `Nouvelle date d’expédition pour votre commande Camslide n° ${v.number}`,
    text: `Le lot de production ${v.batch} change de date : votre commande n° ${v.number} part désormais d’ici le ${v.shipsBy}.

Si cela ne vous convient plus, annulez en un clic avec remboursement intégral :
${v.link}
`,
  }),
  de: (v) => ({
    subject: `Neues Versanddatum für Ihre Camslide-Bestellung Nr. ${v.number}`,
    text: `Produktionslos ${v.batch} hat ein neues Datum: Ihre Bestellung Nr. ${v.number} wird jetzt bis ${v.shipsBy} versandt.

Wenn das nicht mehr passt, stornieren Sie mit einem Klick bei voller Rückerstattung:
${v.link}
`,
  }),
};

interface ShippedValues {
  number: number;
  /** The carrier's name as the 3PL wrote it; null when it gave none. */
  carrier: string | null;
  tracking: string;
  link: string;
}

const shipped: Record<ShopLocale, (v: ShippedValues) => Email> = {
  en: (v) => ({
    subject: `Your Camslide order #${v.number} has shipped`,
    text: `Your order #${v.number} is on its way with ${v.carrier ?? "the carrier"}, tracking number ${v.tracking}.\n\n${v.link}\n`,
  }),
  fr: (v) => ({
    subject: `Votre commande Camslide n° ${v.number} est expédiée`,
    text: `Votre commande n° ${v.number} est en route avec ${v.carrier ?? "le transporteur"}, numéro de suivi ${v.tracking}.\n\n${v.link}\n`,
  }),
  de: (v) => ({
    subject: `Ihre Camslide-Bestellung Nr. ${v.number} ist versandt`,
    text: `Ihre Bestellung Nr. ${v.number} ist mit ${v.carrier ?? "dem Paketdienst"} unterwegs, Sendungsnummer ${v.tracking}.\n\n${v.link}\n`,
  }),
};

/**
 * Every email, by the notification template name its subscriber sends it under, in every
 * language of the shop (tests/unit/emails.test.ts renders each one).
 */
export const emailTemplates = {
  "order-placed": placed,
  "order-canceled": canceled,
  "batch-date-changed": moved,
  "order-shipped": shipped,
} as const;

export type EmailTemplate = keyof typeof emailTemplates;

export function orderShippedEmail(locale: ShopLocale, values: ShippedValues): Email {
  return shipped[locale](values);
}

export function batchMovedEmail(locale: ShopLocale, values: MovedValues): Email {
  return moved[locale](values);
}

export function emailLocale(metadata: Record<string, unknown> | null | undefined): ShopLocale {
  const locale = metadata?.locale;
  return isShopLocale(locale) ? locale : "en";
}

export function orderPlacedEmail(locale: ShopLocale, values: PlacedValues): Email {
  return placed[locale](values);
}

export function orderCanceledEmail(locale: ShopLocale, values: CanceledValues): Email {
  return canceled[locale](values);
}

/** A ship-by date as buyers read it in their language ("29 January 2027"). */
export function formatDay(isoDate: string, locale: ShopLocale): string {
  const tag = { en: "en-GB", fr: "fr-CH", de: "de-CH" }[locale];
  return new Intl.DateTimeFormat(tag, { dateStyle: "long", timeZone: "UTC" }).format(
    new Date(`${isoDate}T00:00:00Z`),
  );
}
