import { createHash } from "node:crypto";
import { shippingOptionKeys } from "@camslide/product";
import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http";
import { generateEntityId, MedusaError, Modules } from "@medusajs/framework/utils";
import { z } from "@medusajs/framework/zod";
import { shippingOptionFor } from "../../../lib/intake-catalogue";
import { intakePace } from "../../../lib/intake-pressure";
import { CHECKOUT_INTAKE_MODULE } from "../../../modules/checkout-intake";
import type CheckoutIntakeModuleService from "../../../modules/checkout-intake/service";
import type { IntakeRow } from "../../../modules/checkout-intake/service";
import { PRODUCTION_MODULE } from "../../../modules/production";
import type ProductionModuleService from "../../../modules/production/service";
import { Items, intakeLines, parsed, refuse, ShippingAddress, salesChannelOf, text } from "./lines";
import { intakeView } from "./view";

/**
 * Either the lines themselves (region_id and items) or the storefront's cart (cart_id), whose
 * lines, region and retailer credit Medusa holds. Prices are not part of the body: a unit_price
 * or total sent by a browser is dropped.
 */
export const StoreCheckoutIntakeBody = z
  .object({
    cart_id: text(40).optional(),
    region_id: text(100).optional(),
    email: z.string().trim().email().max(254),
    locale: z.enum(["en", "fr", "de"]).optional(),
    items: Items.optional(),
    shipping_address: ShippingAddress,
    shipping: z.enum(shippingOptionKeys),
  })
  .refine(
    (body) => (body.cart_id ? !body.items && !body.region_id : body.items && body.region_id),
    {
      message: "send either cart_id, or region_id with items",
    },
  );

export const IdempotencyKey = z.string().trim().min(8).max(200);

function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown; cause?: { code?: unknown } } | null)?.code;
  return (
    code === "23505" || (error as { cause?: { code?: unknown } } | null)?.cause?.code === "23505"
  );
}

/** The code a reused key with another body is refused with, which the storefront switches on. */
const KEY_REUSED = "idempotency_key_reused";

/**
 * A key this long is taken for what the storefront sends: a random value its browser made and
 * kept (crypto.randomUUID, 122 random bits). Whoever holds it sent the first request, so a
 * refusal may tell them what became of it; a shorter key, which a careless client might count
 * up, gets the refusal alone.
 */
const SECRET_KEY_LENGTH = 32;

function replay(
  req: MedusaRequest,
  res: MedusaResponse,
  intake: IntakeRow,
  hash: string,
  key: string,
  cartId?: string,
) {
  if (intake.request_hash !== hash) {
    // The browser that lost the answer to its first request and sent another body (an edited
    // address) learns what its first request became, rather than being refused with nothing to
    // go on. A cart's holder is given its cart's intake whatever key it sends.
    const known =
      key.length >= SECRET_KEY_LENGTH || (cartId !== undefined && intake.source_cart_id === cartId);
    // Answered here: Medusa's error handler replaces every CONFLICT message with its own.
    return res.status(409).json({
      type: "conflict",
      code: KEY_REUSED,
      message:
        "This Idempotency-Key was used for a different checkout: use a new key for a new checkout.",
      // With what it was placed with, which the page no longer shows.
      ...(known
        ? {
            intake: {
              ...intakeView(req.scope, intake),
              email: intake.email,
              shipping_address: intake.shipping_address,
            },
          }
        : {}),
    });
  }
  res.status(200).json({ intake: intakeView(req.scope, intake) });
}

/**
 * POST /store/checkout-intakes (header Idempotency-Key): a launch-day checkout in one call.
 * Checks the request against Medusa's regions, shipping options and prices, then in one
 * transaction stores the intake, allocates its production batch and holds its stock, and
 * answers 202 with its id and ship-by promise. The order is made in the background (jobs/convert-checkout-intakes);
 * GET /store/checkout-intakes/:id follows it. The same key and body answer the first intake.
 */
export async function POST(req: MedusaRequest, res: MedusaResponse) {
  const key = IdempotencyKey.safeParse(req.headers["idempotency-key"]);
  if (!key.success) refuse("An Idempotency-Key header (8 to 200 characters) is required.");
  const body = parsed(StoreCheckoutIntakeBody, req.body);
  const hash = createHash("sha256").update(JSON.stringify(body)).digest("hex");
  const intakes: CheckoutIntakeModuleService = req.scope.resolve(CHECKOUT_INTAKE_MODULE);
  const existing = await intakes.findBy("idempotency_key", key.data);
  if (existing) return replay(req, res, existing, hash, key.data, body.cart_id);

  const salesChannelId = salesChannelOf(req);
  const accept = () => acceptIntake(req, res, body, key.data, hash, salesChannelId);
  const cartId = body.cart_id;
  if (!cartId) return accept();
  const locking = req.scope.resolve(Modules.LOCKING);
  // Medusa's cart completion holds this lock too: a cart becomes an intake or an order, once.
  return locking.execute(
    cartId,
    async () => {
      const earlier = await intakes.findBy("source_cart_id", cartId);
      // As Medusa answers a completed cart with its order: the cart's holder gets its intake.
      if (earlier) return res.status(200).json({ intake: intakeView(req.scope, earlier) });
      return accept();
    },
    { timeout: 30 },
  );
}

async function acceptIntake(
  req: MedusaRequest,
  res: MedusaResponse,
  body: z.infer<typeof StoreCheckoutIntakeBody>,
  idempotencyKey: string,
  hash: string,
  salesChannelId: string,
) {
  const intakes: CheckoutIntakeModuleService = req.scope.resolve(CHECKOUT_INTAKE_MODULE);
  const { cart, items, region, prices } = await intakeLines(
    req.scope,
    body,
    salesChannelId,
    body.shipping_address.country_code,
  );
  const shippingOptionId = await shippingOptionFor(
    req.scope,
    body.shipping,
    body.shipping_address.country_code,
  );
  const units = items.reduce((sum, item) => sum + item.quantity, 0);

  const production: ProductionModuleService = req.scope.resolve(PRODUCTION_MODULE);
  const id = generateEntityId(undefined, "cint");
  let intake: IntakeRow | undefined;
  try {
    intake = await intakes.accept(
      {
        id,
        idempotency_key: idempotencyKey,
        request_hash: hash,
        region_id: region.id,
        sales_channel_id: salesChannelId,
        currency_code: region.currency_code,
        email: body.email,
        locale: body.locale ?? null,
        items: items.map((item) => ({
          ...item,
          unit_price: prices.get(item.variant_id)?.unit_price ?? Number.NaN,
        })),
        shipping_address: body.shipping_address,
        shipping_option_id: shippingOptionId,
        source_cart_id: cart?.id ?? null,
      },
      // The batch place is taken in the intake's transaction: both are stored, or neither.
      async (context) => {
        const allocation = await production.allocate(id, units, context);
        return { batch_number: allocation.number, ships_by: allocation.ships_by };
      },
    );
  } catch (error) {
    // Another request for the same cart (with another key) was stored first: answer with it.
    const first =
      cart && isUniqueViolation(error)
        ? await intakes.findBy("source_cart_id", cart.id)
        : undefined;
    if (!first) throw error;
    return res.status(200).json({ intake: intakeView(req.scope, first) });
  }
  if (!intake) {
    // Another request with the same key won the race: answer with its intake.
    const winner = await intakes.findBy("idempotency_key", idempotencyKey);
    if (!winner) throw new MedusaError(MedusaError.Types.UNEXPECTED_STATE, "intake vanished");
    return replay(req, res, winner, hash, idempotencyKey, body.cart_id);
  }
  // Only an intake stored now counts towards the rush that pauses conversion.
  intakePace.noteAccepted();
  res.status(202).json({ intake: intakeView(req.scope, intake) });
}
