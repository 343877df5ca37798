/**
 * The iframe's postMessage protocol. The frame posts only to its parent's exact origin (a
 * registered origin of the retailer), never "*", and accepts only well-formed messages from
 * that origin and window.
 *
 * Frame -> parent: {type: "camslide:ready" | "camslide:change" | "camslide:add-to-cart", detail}
 *                  {type: "camslide:resize", height}
 * Parent -> frame: {type: "camslide:set", fit?, colour?}
 */
import { type ColourKey, isColourKey } from "../product/colours.ts";
import { type FitKey, isFitKey } from "../product/fits.ts";
import type { AddToCartDetail, ChangeDetail, ReadyDetail } from "./events.ts";

export type FrameToParent =
  | { type: "camslide:ready"; detail: ReadyDetail }
  | { type: "camslide:change"; detail: ChangeDetail }
  | { type: "camslide:add-to-cart"; detail: AddToCartDetail }
  | { type: "camslide:resize"; height: number };

export interface SetMessage {
  type: "camslide:set";
  fit?: FitKey;
  colour?: ColourKey;
}

/** A parent's message, or null for anything that is not exactly a valid `camslide:set`. */
export function parseParentMessage(data: unknown): SetMessage | null {
  if (typeof data !== "object" || data === null || Array.isArray(data)) return null;
  const { type, fit, colour, ...rest } = data as Record<string, unknown>;
  if (type !== "camslide:set" || Object.keys(rest).length > 0) return null;
  if (fit !== undefined && !isFitKey(fit)) return null;
  if (colour !== undefined && !isColourKey(colour)) return null;
  return { type, ...(fit ? { fit } : {}), ...(colour ? { colour } : {}) };
}
