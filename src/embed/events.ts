/** The events the widget fires (on the element, bubbling and composed), and their details. */
import type { ColourKey } from "../product/colours.ts";
import type { FitKey } from "../product/fits.ts";
import type { BuyMode } from "./options.ts";

export interface Price {
  /** Major units as Medusa computes them (tax-exclusive). */
  amount: number;
  currency: string;
}

export interface ReadyDetail {
  fit: FitKey;
  colour: ColourKey;
  /** "3d" once the first frame is drawn; "poster" when the device cannot draw 3D. */
  view: "3d" | "poster";
}

export interface ChangeDetail {
  fit: FitKey;
  colour: ColourKey;
  /** The SKU, e.g. CAMSLIDE-LAPTOP-BLACK. */
  variant: string;
  /** Medusa's price in the widget's region; null until it has answered. */
  price: Price | null;
}

export interface AddToCartDetail extends ChangeDetail {
  quantity: number;
  mode: BuyMode;
  /** Whether this widget's retailer is credited (a registered retailer on a registered origin). */
  credited: boolean;
}

export interface ErrorDetail {
  code: "offer-unavailable" | "view-failed";
  message: string;
}

export interface CamslideEventMap {
  "camslide:ready": CustomEvent<ReadyDetail>;
  "camslide:change": CustomEvent<ChangeDetail>;
  "camslide:add-to-cart": CustomEvent<AddToCartDetail>;
  "camslide:error": CustomEvent<ErrorDetail>;
}
