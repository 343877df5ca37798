import { atom } from "nanostores";
import {
  type ColourKey,
  defaultColour,
  defaultFit,
  type FitKey,
  isColourKey,
  isFitKey,
} from "../product/index.ts";

/**
 * What the shopper has chosen: shared by every island on the page (configurator, offer, cart)
 * through a Nano Store, and mirrored in the URL (`?fit=laptop&colour=coral&open=1`) so a
 * configuration can be shared and bookmarked.
 */
export interface Selection {
  fit: FitKey;
  colour: ColourKey;
  /** 0 = camera covered, 1 = camera open. */
  opening: number;
}

export const defaultSelection: Selection = { fit: defaultFit, colour: defaultColour, opening: 0 };

export interface ParsedSelection {
  selection: Selection;
  /** Parameters that were present but not understood; the default stood in for each. */
  rejected: string[];
}

/** Reads a selection from URL search parameters; anything unknown falls back to the default. */
export function parseSelection(search: string | URLSearchParams): ParsedSelection {
  const params = typeof search === "string" ? new URLSearchParams(search) : search;
  const rejected: string[] = [];
  const fit = params.get("fit");
  const colour = params.get("colour") ?? params.get("color");
  const open = params.get("open");
  if (fit !== null && !isFitKey(fit)) rejected.push("fit");
  if (colour !== null && !isColourKey(colour)) rejected.push("colour");
  let opening = defaultSelection.opening;
  if (open !== null) {
    const value = Number(open);
    if (open.trim() !== "" && Number.isFinite(value) && value >= 0 && value <= 1) opening = value;
    else rejected.push("open");
  }
  return {
    selection: {
      fit: isFitKey(fit) ? fit : defaultSelection.fit,
      colour: isColourKey(colour) ? colour : defaultSelection.colour,
      opening,
    },
    rejected,
  };
}

/** Writes a selection into search parameters, keeping any others the page has. */
export function selectionToSearch(selection: Selection, base = ""): string {
  const params = new URLSearchParams(base);
  params.set("fit", selection.fit);
  params.set("colour", selection.colour);
  params.delete("color");
  const rounded = Math.round(selection.opening * 100) / 100;
  params.set("open", String(rounded));
  return `?${params.toString()}`;
}

export const $selection = atom<Selection>(defaultSelection);

export function selectFit(fit: FitKey): void {
  $selection.set({ ...$selection.get(), fit });
}

export function selectColour(colour: ColourKey): void {
  $selection.set({ ...$selection.get(), colour });
}

export function setOpening(opening: number): void {
  $selection.set({ ...$selection.get(), opening: Math.min(1, Math.max(0, opening)) });
}

let bound = false;

/**
 * In the browser: start from the URL, then keep the URL in step (replaceState, so the back
 * button is not flooded while the slider moves). Safe to call from every island.
 */
export function bindSelectionToUrl(): void {
  if (bound || typeof window === "undefined") return;
  bound = true;
  const { selection, rejected } = parseSelection(window.location.search);
  if (rejected.length > 0) {
    console.warn(
      `Camslide: ignored unknown ${rejected.join(", ")} in the address; using defaults.`,
    );
  }
  $selection.set(selection);
  $selection.listen((next) => {
    const search = selectionToSearch(next, window.location.search);
    if (search !== window.location.search) {
      window.history.replaceState(window.history.state, "", `${window.location.pathname}${search}`);
    }
  });
}
