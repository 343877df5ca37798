import { orderLimitMessage, orderLimitProblem, orderLimits } from "@camslide/product";
import type { MedusaRequest } from "@medusajs/framework/http";
import type { MedusaContainer } from "@medusajs/framework/types";
import { MedusaError } from "@medusajs/framework/utils";
import { z } from "@medusajs/framework/zod";
import { type IntakeCart, intakeCart } from "../../../lib/intake-cart";
import { pricedVariants, regionFor } from "../../../lib/intake-catalogue";

export const text = (max: number) => z.string().trim().min(1).max(max);

export const Items = z
  .array(
    z.object({
      variant_id: text(100),
      quantity: z
        .number()
        .int("quantity must be a whole number")
        .min(1)
        .max(
          orderLimits.quantityPerLine,
          orderLimitMessage({ kind: "perCover", max: orderLimits.quantityPerLine }),
        ),
    }),
  )
  .min(1)
  .max(orderLimits.lines, orderLimitMessage({ kind: "covers", max: orderLimits.lines }));

export const ShippingAddress = z.object({
  first_name: text(60),
  last_name: text(60),
  company: z.string().trim().max(100).optional(),
  address_1: text(100),
  address_2: z.string().trim().max(100).optional(),
  postal_code: text(12),
  city: text(60),
  province: z.string().trim().max(60).optional(),
  country_code: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z]{2}$/, "country_code is a two-letter ISO code"),
  phone: z.string().trim().max(30).optional(),
});

export function refuse(message: string): never {
  throw new MedusaError(MedusaError.Types.INVALID_DATA, message);
}

/** The body, or a 400 naming its first problem. */
export function parsed<T>(schema: z.ZodType<T>, body: unknown): T {
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  return refuse(`${issue?.path.join(".") || "body"}: ${issue?.message ?? "invalid"}`);
}

/** The sales channel of the request's publishable key: the shop's prices and stock are its. */
export function salesChannelOf(req: MedusaRequest): string {
  const id = (req as { publishable_key_context?: { sales_channel_ids?: string[] } })
    .publishable_key_context?.sales_channel_ids?.[0];
  return id ?? refuse("This publishable key has no sales channel.");
}

/**
 * What a checkout (or its quote) is for: the body's lines, or the lines of the storefront cart
 * it names; the region, checked for the delivery country and the launch queue; Medusa's price
 * of each variant. The same limits apply to a cart's lines as to lines sent in the body.
 */
export async function intakeLines(
  container: MedusaContainer,
  body: { cart_id?: string | undefined; region_id?: string | undefined; items?: unknown },
  salesChannelId: string,
  countryCode: string | undefined,
) {
  const cart: IntakeCart | undefined = body.cart_id
    ? await intakeCart(container, body.cart_id, salesChannelId)
    : undefined;
  const lines = Items.safeParse(cart?.items ?? body.items);
  if (!lines.success) {
    const issue = lines.error.issues[0];
    refuse(
      `${cart ? "This cart cannot go through the launch queue: " : ""}items.${issue?.path.join(".")}: ${issue?.message}`,
    );
  }
  const items = lines.data;
  // Lines of one cover add up: ten lines of 50 are 500 of it, not ten times 50.
  const tooMany = orderLimitProblem(items);
  if (tooMany) {
    refuse(
      `${cart ? "This cart cannot go through the launch queue: " : ""}${orderLimitMessage(tooMany)}`,
    );
  }
  const region = await regionFor(container, cart?.region_id ?? body.region_id ?? "", countryCode);
  const prices = await pricedVariants(
    container,
    region,
    salesChannelId,
    items.map((item) => item.variant_id),
  );
  return { cart, items, region, prices };
}
