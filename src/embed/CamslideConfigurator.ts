import type { ColourKey } from "../product/colours.ts";
import type { FitKey } from "../product/fits.ts";
import type {
  AddToCartDetail,
  CamslideEventMap,
  ChangeDetail,
  ErrorDetail,
  ReadyDetail,
} from "./events.ts";
import type { IslandHandle } from "./island.tsx";
import { observedAttributes, readOptions, type WidgetOptions } from "./options.ts";
import { widgetCss } from "./styles.ts";

/** Where this file was served from is the shop: its backend and hand-off page. */
const SHOP_ORIGIN = new URL(import.meta.url).origin;
const BACKEND_URL = import.meta.env.PUBLIC_MEDUSA_BACKEND_URL ?? "http://localhost:9000";
/** How long an off-screen widget keeps its WebGL context before giving it back. */
const RELEASE_AFTER_MS = 3000;

type Attribution =
  | { credited: true; token: string; retailer: { handle: string; name: string } }
  | { credited: false; reason: string };

/**
 * `<camslide-configurator>`: the Camslide configurator for a retailer's page. The loader is
 * small; React and the 3D view load only when the element comes near the screen, and an
 * element that leaves the screen gives its WebGL context back, so many widgets on one page
 * never exhaust the browser's contexts.
 *
 * @attr retailer - the retailer's handle as registered with Camslide; credits orders to it
 *   when the page's origin is one the retailer registered (otherwise a console warning)
 * @attr fit - laptop | phone | tablet | monitor (default laptop); live
 * @attr colour - black | white | silver | sky-blue | … (default black); live
 * @attr locale - en | fr | de (default en)
 * @attr region - ch | eu | world: prices and currency (default ch)
 * @attr mode - checkout (open Camslide's checkout with this cover) | cart (add it to the
 *   shopper's Camslide cart); default checkout
 *
 * @fires camslide:ready - {fit, colour, view: "3d" | "poster"} when the first picture is drawn
 * @fires camslide:change - {fit, colour, variant, price} when the configuration or its price changes
 * @fires camslide:add-to-cart - {fit, colour, variant, price, quantity, mode, credited} on "Buy"
 * @fires camslide:error - {code, message} when prices cannot be loaded or the view fails
 *
 * @csspart stage - the picture (3D view or poster)
 * @csspart controls - the fit and colour controls, price and button
 * @csspart select - the fit picker
 * @csspart swatch - each colour swatch
 * @csspart price - the price
 * @csspart buy - the buy button
 *
 * @cssproperty --camslide-accent - button and selection colour
 * @cssproperty --camslide-bg - background
 * @cssproperty --camslide-fg - text colour
 * @cssproperty --camslide-font - font family
 * @cssproperty --camslide-radius - corner radius
 *
 * @property fit, colour - the configuration (reflects the attributes)
 * @property variant - the current SKU (read-only)
 * @property price - Medusa's price of the current variant, or null (read-only)
 */
export class CamslideConfigurator extends HTMLElement {
  static observedAttributes = [...observedAttributes, "frame-parent"];

  #root: ShadowRoot;
  #mount: HTMLDivElement;
  #island: IslandHandle | undefined;
  #loading: Promise<void> | undefined;
  #observer: IntersectionObserver | undefined;
  #visible = false;
  #releaseTimer: ReturnType<typeof setTimeout> | undefined;
  #options: WidgetOptions;
  #last: ChangeDetail | null = null;
  #attribution: Promise<Attribution> | undefined;

  constructor() {
    super();
    this.#root = this.attachShadow({ mode: "open" });
    const style = document.createElement("style");
    style.textContent = widgetCss;
    this.#mount = document.createElement("div");
    this.#mount.className = "placeholder";
    this.#mount.innerHTML = '<div class="stage" part="stage"></div>';
    this.#root.append(style, this.#mount);
    this.#options = readOptions(
      () => null,
      () => undefined,
    );
  }

  get fit(): FitKey {
    return this.#options.fit;
  }
  set fit(value: FitKey) {
    this.setAttribute("fit", value);
  }
  get colour(): ColourKey {
    return this.#options.colour;
  }
  set colour(value: ColourKey) {
    this.setAttribute("colour", value);
  }
  get variant(): string | null {
    return this.#last?.variant ?? null;
  }
  get price() {
    return this.#last?.price ?? null;
  }

  connectedCallback() {
    this.#read();
    this.#attribution = this.#attribute();
    this.#observer = new IntersectionObserver(
      (entries) => this.#setVisible(entries.some((e) => e.isIntersecting)),
      { rootMargin: "200px" },
    );
    this.#observer.observe(this);
  }

  disconnectedCallback() {
    this.#observer?.disconnect();
    clearTimeout(this.#releaseTimer);
    this.#island?.unmount();
    this.#island = undefined;
    this.#loading = undefined;
    this.#mount.replaceChildren();
  }

  attributeChangedCallback(name: string, before: string | null, after: string | null) {
    if (before === after || !this.isConnected) return;
    this.#read();
    if (name === "retailer" || name === "frame-parent") this.#attribution = this.#attribute();
    this.#render();
  }

  #read() {
    this.#options = readOptions(
      (name) => this.getAttribute(name),
      (message) => console.warn(message),
    );
  }

  #setVisible(visible: boolean) {
    clearTimeout(this.#releaseTimer);
    if (visible) {
      this.#visible = true;
      this.#loading ??= this.#load();
      this.#render();
    } else {
      // Scrolling past should not throw the view away at once: release after a pause.
      this.#releaseTimer = setTimeout(() => {
        this.#visible = false;
        this.#render();
      }, RELEASE_AFTER_MS);
    }
  }

  async #load() {
    try {
      const { mountIsland } = await import("./island.tsx");
      if (!this.isConnected) return;
      this.#mount.replaceChildren();
      this.#mount.className = "";
      this.#island = mountIsland(this.#mount, this.#props());
    } catch (error) {
      this.#emit("camslide:error", { code: "view-failed", message: String(error) });
    }
  }

  #render() {
    this.#island?.update(this.#props());
  }

  #props() {
    return {
      options: this.#options,
      visible: this.#visible,
      backendUrl: BACKEND_URL,
      callbacks: {
        onSelect: (fit: FitKey, colour: ColourKey) => {
          this.setAttribute("fit", fit);
          this.setAttribute("colour", colour);
        },
        onReady: (detail: ReadyDetail) => this.#emit("camslide:ready", detail),
        onChange: (detail: ChangeDetail) => {
          this.#last = detail;
          this.#emit("camslide:change", detail);
        },
        onBuy: (detail: ChangeDetail) => void this.#buy(detail),
        onError: (detail: ErrorDetail) => this.#emit("camslide:error", detail),
      },
    };
  }

  /** Asks the shop whether this page earns the retailer a commission; warns when not. */
  async #attribute(quiet = false): Promise<Attribution> {
    const { retailer } = this.#options;
    const parent = this.getAttribute("frame-parent");
    const query = new URLSearchParams({ retailer, ...(parent ? { parent } : {}) });
    const answer: Attribution = retailer
      ? await fetch(`${BACKEND_URL}/embed/attribution?${query}`)
          .then((r) => r.json() as Promise<Attribution>)
          .catch(() => ({ credited: false, reason: "unreachable" }))
      : { credited: false, reason: "no-retailer" };
    if (!answer.credited && !quiet) {
      console.warn(
        `Camslide: orders from this widget are credited to no retailer (retailer="${retailer}", ` +
          `origin ${parent ?? location.origin}: ${answer.reason}). The configurator works as usual.`,
      );
    }
    return answer;
  }

  async #buy(detail: ChangeDetail) {
    const attribution = await (this.#attribution ?? this.#attribute());
    // A token credits one cart: the next Buy (a cart of its own in checkout mode) needs another.
    this.#attribution = this.#attribute(true);
    const { locale, region, mode } = this.#options;
    const event: AddToCartDetail = { ...detail, quantity: 1, mode, credited: attribution.credited };
    this.#emit("camslide:add-to-cart", event);
    const handoff = new URL("/embed/handoff/", SHOP_ORIGIN);
    handoff.search = new URLSearchParams({
      sku: detail.variant,
      quantity: "1",
      region,
      locale,
      mode,
      ...(attribution.credited ? { token: attribution.token } : {}),
    }).toString();
    // The shopper's Camslide cart lives on the shop's origin: hand over in a tab of its own.
    window.open(handoff.href, "_blank", "noopener");
  }

  #emit<K extends keyof CamslideEventMap>(type: K, detail: CamslideEventMap[K]["detail"]) {
    this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    "camslide-configurator": CamslideConfigurator;
  }
  interface GlobalEventHandlersEventMap extends CamslideEventMap {}
}
