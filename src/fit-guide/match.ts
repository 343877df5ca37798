/**
 * Finding a device in the catalogue from what the shopper typed: case- and punctuation-blind,
 * partial words allowed ("mbp 14" no, "macbook pro 14" yes, "pixel 9" yes). Pure functions.
 */
import type { FitKey } from "../product/index.ts";
import { type Device, devices } from "./devices.ts";

/** Lowercase words of letters and digits: "MacBook Air 13-inch (M2)" -> macbook air 13 inch m2. */
export function words(text: string): string[] {
  return text
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, " ")
    .trim()
    .split(" ")
    .filter(Boolean);
}

function haystack(device: Device): string[] {
  return [device.name, ...(device.aliases ?? [])].flatMap(words);
}

/** Devices whose name or aliases contain every typed word as the start of one of theirs. */
export function findDevices(query: string, catalogue: readonly Device[] = devices): Device[] {
  const typed = words(query);
  if (typed.length === 0) return [];
  return catalogue.filter((device) => {
    const own = haystack(device);
    return typed.every((word) => own.some((candidate) => candidate.startsWith(word)));
  });
}

/** Generic words that say which kind of device it is when the model is not in the catalogue. */
const kindWords: ReadonlyArray<readonly [FitKey, readonly string[]]> = [
  // Tablets first: "galaxy tab" is a tablet although "galaxy" alone is a phone.
  ["tablet", ["tablet", "ipad", "tab", "tablette"]],
  ["phone", ["phone", "iphone", "smartphone", "pixel", "galaxy", "handy", "telephone"]],
  ["monitor", ["monitor", "display", "screen", "imac", "ecran", "bildschirm", "moniteur"]],
  ["laptop", ["laptop", "notebook", "macbook", "thinkpad", "xps", "ordinateur", "chromebook"]],
];

export type DeviceMatch =
  | { kind: "empty" }
  | { kind: "device"; device: Device }
  | { kind: "several"; devices: Device[] }
  /** Not in the catalogue: the fit guessed from a generic word, if the shopper typed one. */
  | { kind: "unknown"; guess: FitKey | undefined };

/** What the fit guide shows for a query: one device, a short list, or a helpful fallback. */
export function matchDevice(query: string, catalogue: readonly Device[] = devices): DeviceMatch {
  const typed = words(query);
  if (typed.length === 0) return { kind: "empty" };
  const exact = catalogue.find((device) =>
    [device.name, ...(device.aliases ?? [])].some((n) => words(n).join(" ") === typed.join(" ")),
  );
  if (exact) return { kind: "device", device: exact };
  const found = findDevices(query, catalogue);
  const [only] = found;
  if (only && found.length === 1) return { kind: "device", device: only };
  if (found.length > 1) return { kind: "several", devices: found };
  const guess = kindWords.find(([, list]) => typed.some((word) => list.includes(word)))?.[0];
  return { kind: "unknown", guess };
}
