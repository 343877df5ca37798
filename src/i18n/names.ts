import {
  type ColourKey,
  colourKeys,
  colours,
  type FitKey,
  fitKeys,
  fits,
} from "../product/index.ts";
import type { Locale } from "./index.ts";

const english = {
  fit: Object.fromEntries(fitKeys.map((k) => [k, fits[k].name])) as Record<FitKey, string>,
  colour: Object.fromEntries(colourKeys.map((k) => [k, colours[k].name])) as Record<
    ColourKey,
    string
  >,
};

/** Fit and colour names per language; English comes from the product definition itself. */
export const names: Record<
  Locale,
  { fit: Record<FitKey, string>; colour: Record<ColourKey, string> }
> = {
  en: english,
  fr: {
    fit: {
      laptop: "Ordinateur portable",
      phone: "Téléphone",
      tablet: "Tablette",
      monitor: "Écran",
    },
    colour: {
      black: "Noir",
      white: "Blanc",
      silver: "Argent",
      "space-grey": "Gris sidéral",
      "sky-blue": "Bleu ciel",
      coral: "Corail",
    },
  },
  de: {
    fit: { laptop: "Laptop", phone: "Telefon", tablet: "Tablet", monitor: "Monitor" },
    colour: {
      black: "Schwarz",
      white: "Weiss",
      silver: "Silber",
      "space-grey": "Space Grau",
      "sky-blue": "Himmelblau",
      coral: "Koralle",
    },
  },
};
