/**
 * The configurator island. Server-rendered as the static poster of the current configuration
 * (so the page paints at once, with no layout shift); in the browser it loads the three.js view
 * lazily when WebGL is there and the shopper has not asked for reduced motion. Fit and colour
 * are chosen in the LiveOffer form; both islands share the selection store.
 */
import { useStore } from "@nanostores/react";
import {
  Component,
  type FocusEvent,
  lazy,
  type ReactNode,
  Suspense,
  useCallback,
  useEffect,
  useId,
  useRef,
  useState,
} from "react";
import { posterSvg, posterTitle } from "../../configurator/poster.ts";
import { type Locale, type MessageKey, translator } from "../../i18n/index.ts";
import { names } from "../../i18n/names.ts";
import { $selection, bindSelectionToUrl, defaultSelection } from "../../lib/selection.ts";
import OpeningSlider, { openingText } from "./OpeningSlider.tsx";

const loadCoverScene = () => import("./CoverScene.tsx");
const CoverScene = lazy(loadCoverScene);

type Mode =
  | { kind: "starting" }
  // The 3D view waits for the shopper (see `start3d`), who sees the poster meanwhile.
  | { kind: "standby" }
  | { kind: "3d" }
  | { kind: "poster"; reason: "no-webgl" | "reduced-motion" | "context-lost" | "error" };

const posterReasons = {
  "no-webgl": "configurator.noWebgl",
  "reduced-motion": "configurator.reducedMotion",
  "context-lost": "configurator.contextLost",
  error: "configurator.error",
} as const satisfies Record<string, MessageKey>;

function hasWebGl(): boolean {
  try {
    const canvas = document.createElement("canvas");
    const context = canvas.getContext("webgl2") ?? canvas.getContext("webgl");
    if (!context) return false;
    // Give the probe context back at once; browsers cap how many may live.
    context.getExtension("WEBGL_lose_context")?.loseContext();
    return true;
  } catch {
    return false;
  }
}

class SceneBoundary extends Component<{ onError: () => void; children: ReactNode }> {
  override state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  override componentDidCatch(error: unknown) {
    console.warn("Camslide: the 3D view failed; showing the poster.", error);
    this.props.onError();
  }
  override render() {
    return this.state.failed ? null : this.props.children;
  }
}

function download(href: string, name: string) {
  const link = document.createElement("a");
  link.href = href;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
}

/** Renders the poster SVG into a PNG (for "Save image" when there is no 3D view). */
async function posterPng(svg: string): Promise<string> {
  const image = new Image();
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
  await image.decode();
  const canvas = document.createElement("canvas");
  canvas.width = 1200;
  canvas.height = 900;
  canvas.getContext("2d")?.drawImage(image, 0, 0, canvas.width, canvas.height);
  return canvas.toDataURL("image/png");
}

interface Props {
  locale: Locale;
}

export default function Configurator({ locale }: Props) {
  const id = useId();
  const t = translator(locale);
  const live = useStore($selection);
  // The server renders the default; the first client render must match it before the URL's
  // selection (applied in an effect) takes over.
  const [hydrated, setHydrated] = useState(false);
  const selection = hydrated ? live : defaultSelection;
  const { fit, colour, opening } = selection;
  const [mode, setMode] = useState<Mode>({ kind: "starting" });
  const [ready, setReady] = useState(false);
  const [device, setDevice] = useState(false);
  const [resetToken, setResetToken] = useState(0);
  const captureRef = useRef<(() => string) | null>(null);

  useEffect(() => {
    bindSelectionToUrl();
    setHydrated(true);
    // Starting three.js (shader compilation, environment prefiltering) holds the main thread for
    // seconds on slow or software GL, and even probing for WebGL costs hundreds of ms there, so
    // the page does neither during load: the poster is the page's picture until the shopper
    // reaches for the view (`start3d`).
    setMode(
      window.matchMedia("(prefers-reduced-motion: reduce)").matches
        ? { kind: "poster", reason: "reduced-motion" }
        : { kind: "standby" },
    );
  }, []);

  const modeRef = useRef(mode);
  modeRef.current = mode;
  const rootRef = useRef<HTMLDivElement>(null);
  const show3dRef = useRef<HTMLButtonElement>(null);

  /** The shopper reached for the view: press on the stage, focus on the slider, the button. */
  const start3d = useCallback((from: "standby" | "any" = "standby") => {
    if (from === "standby" && modeRef.current.kind !== "standby") return;
    const next: Mode = hasWebGl() ? { kind: "3d" } : { kind: "poster", reason: "no-webgl" };
    // Several events of one gesture (focus, pointer down, click) must start it only once.
    modeRef.current = next;
    setMode(next);
  }, []);
  const onControlsFocus = (event: FocusEvent<HTMLDivElement>) => {
    // Not on the "Show 3D view" button itself: starting would remove it from under the focus.
    const target: EventTarget = event.target;
    if (target !== show3dRef.current) start3d();
  };
  const onShow3d = () => {
    // From standby, or from the reduced-motion poster when the shopper asks for 3D anyway.
    start3d("any");
    // The button goes away with the poster; keep keyboard focus on the view's own control.
    rootRef.current?.querySelector<HTMLElement>('[role="slider"]')?.focus();
  };
  /** Fetch the 3D code (network only, no rendering) when a pointer comes near the view. */
  const warm = useCallback(() => {
    if (mode.kind === "standby") void loadCoverScene().catch(() => undefined);
  }, [mode.kind]);

  const onReady = useCallback(() => setReady(true), []);
  const onLost = useCallback(() => {
    setReady(false);
    setMode({ kind: "poster", reason: "context-lost" });
  }, []);
  const onError = useCallback(() => {
    setReady(false);
    setMode({ kind: "poster", reason: "error" });
  }, []);

  const svg = posterSvg(fit, colour, { opening, device, locale });
  const showPoster = mode.kind !== "3d" || !ready;
  const name = `camslide-${fit}-${colour}.png`;

  const saveImage = async () => {
    const capture = captureRef.current;
    if (mode.kind === "3d" && ready && capture) download(capture(), name);
    else
      download(
        await posterPng(posterSvg(fit, colour, { opening, device, standalone: true, locale })),
        name,
      );
  };

  // In standby the poster is the finished picture, so the island is ready too.
  const isReady =
    mode.kind === "poster" || mode.kind === "standby" || (mode.kind === "3d" && ready);
  return (
    <div
      ref={rootRef}
      className="configurator"
      data-testid="configurator"
      data-mode={mode.kind}
      data-ready={isReady ? "true" : "false"}
      data-fit={fit}
      data-colour={colour}
    >
      {/* A press on the picture starts the 3D view; keyboard shoppers have the "Show 3D view"
          button and the slider for that. */}
      <div
        className="configurator__stage"
        role="img"
        onPointerDown={() => start3d()}
        onPointerEnter={warm}
        aria-label={
          device
            ? t("configurator.onDevice", {
                view: posterTitle(fit, colour, opening, locale),
                device: names[locale].fit[fit],
              })
            : posterTitle(fit, colour, opening, locale)
        }
      >
        <div
          className="configurator__poster"
          data-testid="configurator-poster"
          hidden={!showPoster}
          // Our own SVG, built from the product definition's numbers: no outside input.
          // biome-ignore lint/security/noDangerouslySetInnerHtml: see above
          dangerouslySetInnerHTML={{ __html: svg }}
        />
        {mode.kind === "3d" && (
          <div className="configurator__canvas" data-testid="configurator-canvas">
            <SceneBoundary onError={onError}>
              <Suspense fallback={null}>
                <CoverScene
                  fit={fit}
                  colour={colour}
                  device={device}
                  resetToken={resetToken}
                  onReady={onReady}
                  onLost={onLost}
                  captureRef={captureRef}
                />
              </Suspense>
            </SceneBoundary>
          </div>
        )}
      </div>
      {/* biome-ignore lint/a11y/noStaticElementInteractions: focus moving into the controls (the
          slider, the buttons) bubbles here and starts the 3D view; the div itself is no control. */}
      <div className="configurator__controls" onFocus={onControlsFocus} onPointerEnter={warm}>
        <span id={`${id}-slider`} className="configurator__label">
          {t("configurator.slide")}
        </span>
        <OpeningSlider opening={opening} labelId={`${id}-slider`} t={t} />
        <p className="configurator__state" aria-hidden="true">
          {openingText(opening, t)} · {names[locale].fit[fit]} · {names[locale].colour[colour]}
        </p>
        <div className="configurator__buttons">
          <button
            type="button"
            data-testid="reset-view"
            disabled={mode.kind !== "3d"}
            onClick={() => setResetToken((n) => n + 1)}
          >
            {t("configurator.reset")}
          </button>
          <button
            type="button"
            data-testid="device-view"
            aria-pressed={device}
            onClick={() => setDevice((d) => !d)}
          >
            {t("configurator.device")}
          </button>
          <button type="button" data-testid="save-image" onClick={saveImage}>
            {t("configurator.save")}
          </button>
          {(mode.kind === "standby" ||
            (mode.kind === "poster" && mode.reason === "reduced-motion")) && (
            <button type="button" data-testid="show-3d" ref={show3dRef} onClick={onShow3d}>
              {t("configurator.show3d")}
            </button>
          )}
        </div>
        {mode.kind === "poster" && (
          <p className="configurator__note" data-testid="poster-reason">
            {t(posterReasons[mode.reason])}
          </p>
        )}
      </div>
    </div>
  );
}
