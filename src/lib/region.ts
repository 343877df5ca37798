import { atom } from "nanostores";
import {
  defaultRegion,
  isRegionKey,
  type RegionKey,
  regionCountries,
  regionKeys,
} from "../product/index.ts";
import { medusa } from "./medusa.ts";

const STORAGE_KEY = "camslide.region";

/**
 * The region from the shopper's languages (navigator.languages): a country in a tag decides
 * (de-CH is Switzerland, fr-FR Europe, en-US the rest of the world); a bare French or German
 * means Europe; otherwise the shop's default.
 */
export function guessRegion(languages: readonly string[]): RegionKey {
  for (const tag of languages) {
    const country = tag.split("-")[1]?.toLowerCase();
    if (!country) continue;
    const region = regionKeys.find((key) => (regionCountries(key) as string[]).includes(country));
    if (region) return region;
  }
  const language = languages[0]?.split("-")[0]?.toLowerCase();
  if (language === "fr" || language === "de" || language === "it") return "eu";
  return defaultRegion;
}

/** The shopper's region: their explicit choice (remembered), else the guess. */
export const $region = atom<RegionKey>(defaultRegion);

let started = false;

export function startRegion(): void {
  if (started || typeof window === "undefined") return;
  started = true;
  const saved = window.localStorage.getItem(STORAGE_KEY);
  $region.set(
    isRegionKey(saved) ? saved : guessRegion(navigator.languages ?? [navigator.language]),
  );
}

export function chooseRegion(region: RegionKey): void {
  window.localStorage.setItem(STORAGE_KEY, region);
  $region.set(region);
}

const regionIds = new Map<RegionKey, Promise<string>>();

/** Medusa's id of a region, looked up by the name the seed gave it, once per page. */
export function regionId(region: RegionKey, name: string): Promise<string> {
  let id = regionIds.get(region);
  if (!id) {
    id = medusa.store.region.list({ name }).then(({ regions }) => {
      const found = regions[0];
      if (!found) throw new Error(`The shop has no region "${name}".`);
      return found.id;
    });
    id.catch(() => regionIds.delete(region));
    regionIds.set(region, id);
  }
  return id;
}
