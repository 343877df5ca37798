/**
 * Rules Camslide adds to Medusa's own validation of store cart input. Medusa 2.21 accepts a
 * line-item quantity of 1.5 and a shipping address with no country; a shop must not.
 * Pure functions: each returns the message to refuse with, or undefined.
 */

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
