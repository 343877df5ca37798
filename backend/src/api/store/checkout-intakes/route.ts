import { createHash } from "node:crypto";
import { shippingOptionKeys } from "@camslide/product";
import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http";
import { generateEntityId, MedusaError } from "@medusajs/framework/utils";
import { z } from "@medusajs/framework/zod";
import { pricedVariants, regionFor, shippingOptionFor } from "../../../lib/intake-catalogue";
import { noteIntake } from "../../../lib/intake-pressure";
import { CHECKOUT_INTAKE_MODULE } from "../../../modules/checkout-intake";
import type CheckoutIntakeModuleService from "../../../modules/checkout-intake/service";
import type { IntakeRow } from "../../../modules/checkout-intake/service";
import { PRODUCTION_MODULE } from "../../../modules/production";
import type ProductionModuleService from "../../../modules/production/service";
import { intakeView } from "./view";

const text = (max: number) => z.string().trim().min(1).max(max);

/** Prices are not part of the body: a unit_price or total sent by a browser is dropped. */
export const StoreCheckoutIntakeBody = z.object({
  region_id: text(100),
  email: z.string().trim().email().max(254),
  locale: z.enum(["en", "fr", "de"]).optional(),
  items: z
    .array(
      z.object({
        variant_id: text(100),
        quantity: z.number().int("quantity must be a whole number").min(1).max(50),
      }),
    )
    .min(1)
    .max(10),
  shipping_address: z.object({
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
  }),
  shipping: z.enum(shippingOptionKeys),
});

export const IdempotencyKey = z.string().trim().min(8).max(200);

function refuse(message: string): never {
  throw new MedusaError(MedusaError.Types.INVALID_DATA, message);
}

function replay(req: MedusaRequest, res: MedusaResponse, intake: IntakeRow, hash: string) {
  if (intake.request_hash !== hash) {
    // Answered here: Medusa's error handler replaces every CONFLICT message with its own.
    return res.status(409).json({
      type: "conflict",
      message:
        "This Idempotency-Key was used for a different checkout: use a new key for a new checkout.",
    });
  }
  res.status(200).json({ intake: intakeView(req.scope, intake) });
}

/**
 * POST /store/checkout-intakes (header Idempotency-Key): a launch-day checkout in one call.
 * Checks the request against Medusa's regions, shipping options and prices, allocates the
 * production batch and holds the stock atomically, stores the intake and answers 202 with its
 * id and ship-by promise. The order is made in the background (jobs/convert-checkout-intakes);
 * GET /store/checkout-intakes/:id follows it. The same key and body answer the first intake.
 */
export async function POST(req: MedusaRequest, res: MedusaResponse) {
  noteIntake();
  const key = IdempotencyKey.safeParse(req.headers["idempotency-key"]);
  if (!key.success) refuse("An Idempotency-Key header (8 to 200 characters) is required.");
  const parsed = StoreCheckoutIntakeBody.safeParse(req.body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    refuse(`${issue?.path.join(".") || "body"}: ${issue?.message ?? "invalid"}`);
  }
  const body = parsed.data;
  const hash = createHash("sha256").update(JSON.stringify(body)).digest("hex");
  const intakes: CheckoutIntakeModuleService = req.scope.resolve(CHECKOUT_INTAKE_MODULE);
  const existing = await intakes.findByKey(key.data);
  if (existing) return replay(req, res, existing, hash);

  const salesChannelId = (req as { publishable_key_context?: { sales_channel_ids?: string[] } })
    .publishable_key_context?.sales_channel_ids?.[0];
  if (!salesChannelId) refuse("This publishable key has no sales channel.");
  const country = body.shipping_address.country_code;
  const region = await regionFor(req.scope, body.region_id, country);
  const shippingOptionId = await shippingOptionFor(req.scope, body.shipping, country);
  const prices = await pricedVariants(
    req.scope,
    region,
    salesChannelId,
    body.items.map((item) => item.variant_id),
  );
  const units = body.items.reduce((sum, item) => sum + item.quantity, 0);

  const production: ProductionModuleService = req.scope.resolve(PRODUCTION_MODULE);
  const id = generateEntityId(undefined, "cint");
  const allocation = await production.allocate(id, units);
  let intake: IntakeRow | undefined;
  try {
    intake = await intakes.accept({
      id,
      idempotency_key: key.data,
      request_hash: hash,
      region_id: region.id,
      sales_channel_id: salesChannelId,
      currency_code: region.currency_code,
      email: body.email,
      locale: body.locale ?? null,
      items: body.items.map((item) => ({
        ...item,
        unit_price: prices.get(item.variant_id)?.unit_price ?? Number.NaN,
      })),
      shipping_address: body.shipping_address,
      shipping_option_id: shippingOptionId,
      promise: { batch_number: allocation.number, ships_by: allocation.ships_by },
    });
  } finally {
    if (!intake) await production.release(allocation.allocation_id);
  }
  if (!intake) {
    // Another request with the same key won the race: answer with its intake.
    const winner = await intakes.findByKey(key.data);
    if (!winner) throw new MedusaError(MedusaError.Types.UNEXPECTED_STATE, "intake vanished");
    return replay(req, res, winner, hash);
  }
  res.status(202).json({ intake: intakeView(req.scope, intake) });
}
