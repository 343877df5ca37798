/**
 * The retailers page's playground: choose the options, see the widget live and copy the
 * snippet it writes.
 */
import { createElement, useEffect, useId, useState } from "react";
import { buyModes, type WidgetOptions } from "../embed/options.ts";
import { type EmbedKind, widgetSnippet } from "../embed/snippet.ts";
import { type Locale, locales, translator } from "../i18n/index.ts";
import { names } from "../i18n/names.ts";
import { useHydrated } from "../lib/use-hydrated.ts";
import { colourKeys, fitKeys, regionKeys } from "../product/index.ts";

interface Props {
  locale: Locale;
}

export default function WidgetPlayground({ locale }: Props) {
  const t = translator(locale);
  const id = useId();
  const hydrated = useHydrated();
  const [kind, setKind] = useState<EmbedKind>("element");
  const [shop, setShop] = useState("https://camslide.example");
  const [options, setOptions] = useState<WidgetOptions>({
    retailer: "acme",
    fit: "laptop",
    colour: "black",
    locale,
    region: "eu",
    mode: "checkout",
  });
  useEffect(() => {
    setShop(window.location.origin);
    // The loader from this very shop, for the live preview.
    const loader = `${window.location.origin}/embed/camslide.js`;
    void import(/* @vite-ignore */ loader).catch(() => undefined);
  }, []);
  const set = <K extends keyof WidgetOptions>(key: K, value: WidgetOptions[K]) =>
    setOptions((o) => ({ ...o, [key]: value }));
  const snippet = widgetSnippet(kind, shop, options);

  const select = <K extends "fit" | "colour" | "locale" | "region" | "mode">(
    key: K,
    label: string,
    values: readonly { value: WidgetOptions[K]; text: string }[],
  ) => (
    <p>
      <label htmlFor={`${id}-${key}`}>{label}</label>
      <select
        id={`${id}-${key}`}
        data-testid={`playground-${key}`}
        value={options[key]}
        onChange={(e) => set(key, e.currentTarget.value as WidgetOptions[K])}
      >
        {values.map((v) => (
          <option key={v.value} value={v.value}>
            {v.text}
          </option>
        ))}
      </select>
    </p>
  );

  return (
    <div className="playground" data-testid="playground" data-ready={hydrated ? "true" : "false"}>
      <fieldset>
        <legend>{t("retailers.embedKind")}</legend>
        {(["element", "frame"] as const).map((k) => (
          <label key={k}>
            <input
              type="radio"
              name={`${id}-kind`}
              checked={kind === k}
              data-testid={`playground-kind-${k}`}
              onChange={() => setKind(k)}
            />
            {k === "element" ? t("retailers.kindElement") : t("retailers.kindFrame")}
          </label>
        ))}
      </fieldset>
      <p>
        <label htmlFor={`${id}-retailer`}>{t("retailers.handle")}</label>
        <input
          id={`${id}-retailer`}
          data-testid="playground-retailer"
          value={options.retailer}
          pattern="[a-z0-9-]+"
          onChange={(e) => set("retailer", e.currentTarget.value.toLowerCase())}
        />
      </p>
      {select(
        "fit",
        t("embed.fit"),
        fitKeys.map((k) => ({ value: k, text: names[locale].fit[k] })),
      )}
      {select(
        "colour",
        t("embed.colour"),
        colourKeys.map((k) => ({ value: k, text: names[locale].colour[k] })),
      )}
      {select(
        "locale",
        t("retailers.locale"),
        locales.map((l) => ({ value: l, text: l })),
      )}
      {select(
        "region",
        t("retailers.region"),
        regionKeys.map((r) => ({ value: r, text: t(`region.${r}`) })),
      )}
      {select(
        "mode",
        t("retailers.mode"),
        buyModes.map((m) => ({
          value: m,
          text: m === "cart" ? t("retailers.modeCart") : t("retailers.modeCheckout"),
        })),
      )}
      <h3>{t("retailers.snippet")}</h3>
      <pre>
        <code data-testid="playground-snippet">{snippet}</code>
      </pre>
      <button type="button" onClick={() => void navigator.clipboard?.writeText(snippet)}>
        {t("retailers.copy")}
      </button>
      <h3>{t("retailers.preview")}</h3>
      {kind === "element"
        ? createElement("camslide-configurator", { ...options, key: "preview" })
        : null}
    </div>
  );
}
