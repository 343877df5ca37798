import { inject } from "vitest";
import { intakeAccessToken } from "../../backend/src/lib/order-links.ts";
import { swissAddress } from "./store.ts";
import { sql } from "./test-database.ts";

export interface IntakeReply {
  status: number;
  body: {
    type?: string;
    code?: string;
    message?: string;
    intake?: {
      id: string;
      access_token: string;
      status: string;
      items: { variant_id: string; quantity: number; unit_price: number }[];
      items_subtotal: number;
      promise: { batch_number: number; ships_by: string };
      order_id: string | null;
      order_token: string | null;
    };
  };
}

/** POST /store/checkout-intakes as the storefront sends it. */
export async function postIntake(
  body: unknown,
  key: string | undefined,
  baseUrl = inject("integration").backendUrl,
): Promise<IntakeReply> {
  const response = await fetch(`${baseUrl}/store/checkout-intakes`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "x-publishable-api-key": inject("integration").seeded.publishableKey,
      ...(key ? { "idempotency-key": key } : {}),
    },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as IntakeReply["body"] };
}

/** GET /store/checkout-intakes/:id with the intake's access token (the shop's, unless given). */
export async function getIntake(
  id: string,
  token: string | null = intakeAccessToken(id, inject("integration").medusaEnv.COOKIE_SECRET ?? ""),
  baseUrl = inject("integration").backendUrl,
) {
  const query = token === null ? "" : `?token=${encodeURIComponent(token)}`;
  const response = await fetch(`${baseUrl}/store/checkout-intakes/${id}${query}`, {
    headers: { "x-publishable-api-key": inject("integration").seeded.publishableKey },
  });
  return { status: response.status, body: (await response.json()) as IntakeReply["body"] };
}

/** Polls the intake until the background made its order (or gave up), as the shopper's page does. */
export async function settledIntake(id: string, timeoutMs = 90_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { body } = await getIntake(id);
    const status = body.intake?.status;
    if (status === "done" || status === "failed") return body.intake;
    if (Date.now() > deadline)
      throw new Error(`intake ${id} still ${status} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

export function intakeBody(
  region: string,
  variantId: string,
  email: string,
  quantity = 1,
  overrides: Record<string, unknown> = {},
) {
  return {
    region_id: region,
    email,
    locale: "de",
    items: [{ variant_id: variantId, quantity }],
    shipping_address: swissAddress,
    shipping: "standard",
    ...overrides,
  };
}

/**
 * Leaves the intake as a converting process leaves it when it dies: claimed by a process that
 * sent its last heartbeat long ago, so the next converter takes it over. `justNow`: the process
 * died a moment ago (its last heartbeat now; the 5-minute claim of the converter before
 * heartbeats not yet run out), so it is taken over once a heartbeat is missed. `evenIfDone`
 * also reopens an intake already done (a process that died after making the order, before
 * marking the intake).
 */
export async function abandonClaim(id: string, { evenIfDone = false, justNow = false } = {}) {
  await sql(
    inject("integration").databaseUrl,
    `UPDATE checkout_intake SET status = 'converting', claimed_by = 'dead-process',
            heartbeat_at = now() - ${justNow ? "interval '0 seconds'" : "interval '1 hour'"},
            claim_expires_at = now() + ${justNow ? "interval '300 seconds'" : "interval '-1 second'"}
      WHERE id = $1 ${evenIfDone ? "" : "AND status <> 'done'"}`,
    [id],
  );
}
