/**
 * The widget's React island, rendered into the element's shadow root: the 3D view (the shop's
 * own CoverScene) while the element is on screen, the poster otherwise, fit and colour
 * controls, Medusa's price and the buy button. It reports to the element through callbacks;
 * the element turns them into DOM events.
 */

import { atom } from "nanostores";
import {
  Component,
  lazy,
  type ReactNode,
  Suspense,
  useEffect,
  useId,
  useRef,
  useState,
} from "react";
import { posterSvg, posterTitle } from "../configurator/poster.ts";
import { translator } from "../i18n/index.ts";
import { names } from "../i18n/names.ts";
import { formatMoney } from "../lib/format.ts";
import { defaultSelection } from "../lib/selection.ts";
import { sku } from "../product/catalogue.ts";
import { type ColourKey, colourKeys, colours } from "../product/colours.ts";
import { type FitKey, fitKeys } from "../product/fits.ts";
import type { ChangeDetail, ErrorDetail, Price, ReadyDetail } from "./events.ts";
import { loadOffer } from "./offer.ts";
import type { WidgetOptions } from "./options.ts";

const CoverScene = lazy(() => import("../components/configurator/CoverScene.tsx"));

export interface WidgetCallbacks {
  onSelect(fit: FitKey, colour: ColourKey): void;
  onReady(detail: ReadyDetail): void;
  onChange(detail: ChangeDetail): void;
  onBuy(detail: ChangeDetail): void;
  onError(detail: ErrorDetail): void;
}

export interface WidgetViewProps {
  options: WidgetOptions;
  /** On screen (or near it): only then does the widget hold a WebGL context. */
  visible: boolean;
  backendUrl: string;
  callbacks: WidgetCallbacks;
}

class SceneBoundary extends Component<{ onError: () => void; children: ReactNode }> {
  override state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  override componentDidCatch() {
    this.props.onError();
  }
  override render() {
    return this.state.failed ? null : this.props.children;
  }
}

function hasWebGl(): boolean {
  try {
    const context = document.createElement("canvas").getContext("webgl2");
    context?.getExtension("WEBGL_lose_context")?.loseContext();
    return Boolean(context);
  } catch {
    return false;
  }
}

export default function WidgetView({ options, visible, backendUrl, callbacks }: WidgetViewProps) {
  // This widget's own slider position: another widget on the page keeps its own.
  const [selection] = useState(() => atom(defaultSelection));
  const { fit, colour, locale, region, mode } = options;
  const t = translator(locale);
  const id = useId();
  const [price, setPrice] = useState<Price | null>(null);
  const [priceFailed, setPriceFailed] = useState(false);
  const [webgl] = useState(hasWebGl);
  const [failed, setFailed] = useState(false);
  const [drawn, setDrawn] = useState(false);
  const captureRef = useRef<(() => string) | null>(null);
  const callbacksRef = useRef(callbacks);
  callbacksRef.current = callbacks;
  const variant = sku(fit, colour);
  const show3d = visible && webgl && !failed;

  useEffect(() => {
    let current = true;
    setPrice(null);
    loadOffer(backendUrl, region).then(
      (offer) => {
        if (!current) return;
        const found = offer.variants.find((v) => v.sku === variant);
        setPriceFailed(!found);
        setPrice(found ? { amount: found.amount, currency: offer.currency_code } : null);
      },
      (error: unknown) => {
        if (!current) return;
        setPriceFailed(true);
        callbacksRef.current.onError({ code: "offer-unavailable", message: String(error) });
      },
    );
    return () => {
      current = false;
    };
  }, [backendUrl, region, variant]);

  useEffect(() => {
    callbacksRef.current.onChange({ fit, colour, variant, price });
  }, [fit, colour, variant, price]);

  useEffect(() => {
    if (!show3d) setDrawn(false);
    // Without 3D the poster is the finished picture.
    if (!webgl || failed) callbacksRef.current.onReady({ fit, colour, view: "poster" });
  }, [show3d, webgl, failed, fit, colour]);

  const title = posterTitle(fit, colour, 0, locale);
  return (
    <div className="widget" data-fit={fit} data-colour={colour} data-view={drawn ? "3d" : "poster"}>
      <div className="stage" part="stage" role="img" aria-label={title}>
        <div
          className="poster"
          hidden={drawn}
          // Our own SVG, built from the product definition's numbers: no outside input.
          // biome-ignore lint/security/noDangerouslySetInnerHtml: see above
          dangerouslySetInnerHTML={{ __html: posterSvg(fit, colour, { locale }) }}
        />
        {show3d && (
          <div className="canvas">
            <SceneBoundary onError={() => setFailed(true)}>
              <Suspense fallback={null}>
                <CoverScene
                  fit={fit}
                  colour={colour}
                  device={false}
                  resetToken={0}
                  captureRef={captureRef}
                  selection={selection}
                  onReady={() => {
                    setDrawn(true);
                    callbacksRef.current.onReady({ fit, colour, view: "3d" });
                  }}
                  onLost={() => setDrawn(false)}
                />
              </Suspense>
            </SceneBoundary>
          </div>
        )}
      </div>
      <div className="controls" part="controls">
        <label className="field" htmlFor={`${id}-fit`}>
          {t("embed.fit")}
        </label>
        <select
          id={`${id}-fit`}
          part="select"
          data-testid="widget-fit"
          value={fit}
          onChange={(e) => callbacks.onSelect(e.currentTarget.value as FitKey, colour)}
        >
          {fitKeys.map((key) => (
            <option key={key} value={key}>
              {names[locale].fit[key]}
            </option>
          ))}
        </select>
        <fieldset className="swatches">
          <legend className="field">{t("embed.colour")}</legend>
          {colourKeys.map((key) => (
            <label key={key} className="swatch" part="swatch" title={names[locale].colour[key]}>
              <input
                type="radio"
                name={`${id}-colour`}
                value={key}
                checked={key === colour}
                data-testid={`widget-colour-${key}`}
                aria-label={names[locale].colour[key]}
                onChange={() => callbacks.onSelect(fit, key)}
              />
              <span style={{ background: colours[key].hex }} />
            </label>
          ))}
        </fieldset>
        <p className="price" part="price" data-testid="widget-price" aria-live="polite">
          {price
            ? formatMoney(
                price.amount,
                price.currency,
                `${locale}-${region === "ch" ? "CH" : "IE"}`,
              )
            : priceFailed
              ? t("embed.priceUnavailable")
              : t("embed.priceLoading")}
        </p>
        <button
          type="button"
          part="buy"
          data-testid="widget-buy"
          disabled={!price}
          onClick={() => callbacks.onBuy({ fit, colour, variant, price })}
        >
          {mode === "cart" ? t("embed.addToCart") : t("embed.buyNow")}
        </button>
      </div>
    </div>
  );
}
