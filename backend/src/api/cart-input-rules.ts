/**
 * Rules Camslide adds to Medusa's own validation of store cart input. Medusa 2.21 accepts a
 * line-item quantity of 1.5, a shipping address with no country and any number of covers; a
 * shop must not.
 * Pure functions: each returns the message to refuse with, or undefined.
 */
import { orderLimitMessage, orderLimitProblem } from "@camslide/product";

type Body = Record<string, unknown> | undefined;

export function quantityProblem(quantity: unknown, where = "quantity"): string | undefined {
  if (quantity === undefined) return undefined;
  if (typeof quantity !== "number" || !Number.isSafeInteger(quantity)) {
    return `${where} must be a whole number of covers; got ${JSON.stringify(quantity)}.`;
  }
  return undefined;
}

function addressProblem(address: unknown, field: string): string | undefined {
  if (address === undefined || address === null) return undefined;
  if (typeof address !== "object") return `${field} must be an address object.`;
  const country = (address as Record<string, unknown>).country_code;
  if (typeof country !== "string" || country.trim() === "") {
    return `${field}.country_code is required: say which country the parcel goes to.`;
  }
  return undefined;
}

/** POST /store/carts and POST /store/carts/:id */
export function cartBodyProblem(body: Body): string | undefined {
  const items = body?.items;
  if (Array.isArray(items)) {
    for (const [index, item] of items.entries()) {
      const problem = quantityProblem(
        (item as Record<string, unknown> | null)?.quantity,
        `items[${index}].quantity`,
      );
      if (problem) return problem;
    }
  }
  return (
    addressProblem(body?.shipping_address, "shipping_address") ??
    addressProblem(body?.billing_address, "billing_address")
  );
}

/** POST /store/carts/:id/line-items and POST /store/carts/:id/line-items/:line_id */
export function lineItemBodyProblem(body: Body): string | undefined {
  return quantityProblem(body?.quantity);
}

/** A line of a Medusa cart as the limit rule needs it. */
export interface CartLine {
  id: string;
  variant_id: string | null;
  quantity: number;
}

/**
 * The cart's lines after the change a store cart route is asked for: a new cart's items, a line
 * added to (or a line's quantity set on) the cart's current lines. Medusa adds a cover already
 * in the cart to its line; the rule adds up lines of one cover either way.
 */
export function linesAfter(
  route: "create" | "add" | "update",
  body: Body,
  current: readonly CartLine[],
  lineId?: string,
): { variant_id: string; quantity: number }[] {
  const counted = (lines: readonly { variant_id?: unknown; quantity?: unknown }[]) =>
    lines.flatMap((l) =>
      typeof l?.variant_id === "string" && typeof l.quantity === "number"
        ? [{ variant_id: l.variant_id, quantity: l.quantity }]
        : [],
    );
  if (route === "create") return counted(Array.isArray(body?.items) ? body.items : []);
  if (route === "add") return counted([...current, body ?? {}]);
  return counted(
    current.map((l) => (l.id === lineId ? { ...l, quantity: body?.quantity ?? l.quantity } : l)),
  );
}

/** The shop's message when these lines pass one checkout's limits (see orderLimitProblem). */
export function cartLimitProblem(
  lines: readonly { variant_id: string; quantity: number }[],
): string | undefined {
  const problem = orderLimitProblem(lines);
  return problem ? orderLimitMessage(problem) : undefined;
}
