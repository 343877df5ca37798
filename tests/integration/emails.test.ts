import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, inject, it } from "vitest";
import { verifyOrderLink } from "../../backend/src/lib/order-links.ts";
import { plannedShipsBy, routes, sku } from "../../src/product/index.ts";
import { readyCart, regionId, storeClient, variantIdBySku } from "../support/store.ts";

const { outboxDir, backendUrl, seeded, medusaEnv } = inject("integration");

interface Sent {
  to: string;
  template: string;
  subject: string;
  text: string;
  order_id: string;
  locale: string;
}

async function sent(): Promise<Sent[]> {
  const files = await readdir(outboxDir).catch(() => [] as string[]);
  return Promise.all(
    files.map(async (file) => JSON.parse(await readFile(join(outboxDir, file), "utf8")) as Sent),
  );
}

/** Subscribers run after the response: wait until the outbox holds what is expected. */
async function waitFor(check: (messages: Sent[]) => boolean, what: string): Promise<Sent[]> {
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    const messages = await sent();
    if (check(messages)) return messages;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`no ${what} in ${outboxDir} after 20 s`);
}

describe("emails to buyers", () => {
  it("sends one confirmation in the buyer's language, with a working status link and the promise, and one cancellation", async () => {
    const sdk = storeClient();
    const region = await regionId(sdk, "ch");
    const variant = await variantIdBySku(sdk, region, sku("tablet", "coral"));
    const email = "marie.mail@example.ch";
    const cartId = await readyCart(sdk, region, variant, 1, email);
    await sdk.store.cart.update(cartId, { metadata: { locale: "fr" } });
    const done = await sdk.store.cart.complete(cartId);
    if (done.type !== "order") throw new Error("no order");
    const orderId = done.order.id;

    const mine = (messages: Sent[]) => messages.filter((m) => m.order_id === orderId);
    const afterPlaced = await waitFor((m) => mine(m).length >= 1, "confirmation");
    // Completing the cart again must not send a second confirmation.
    await sdk.store.cart.complete(cartId).catch(() => undefined);
    await new Promise((r) => setTimeout(r, 1500));
    const confirmations = mine(await sent()).filter((m) => m.template === "order-placed");
    expect(confirmations).toHaveLength(1);
    const [confirmation] = confirmations;
    expect(afterPlaced.length).toBeGreaterThan(0);
    expect(confirmation?.to).toBe(email);
    expect(confirmation?.locale).toBe("fr");
    expect(confirmation?.subject).toContain(`n° ${done.order.display_id}`);
    expect(confirmation?.text).toMatch(/lot de production \d+/);
    expect(confirmation?.text).toContain("2027");
    const link = confirmation?.text.match(/https?:\/\/\S+/)?.[0] ?? "";
    expect(new URL(link).pathname).toBe(routes.status.fr);
    const token = new URL(link).searchParams.get("token");
    expect(verifyOrderLink(token, medusaEnv.COOKIE_SECRET ?? "")).toBe(orderId);

    const cancel = await fetch(`${backendUrl}/store/order-status/cancel`, {
      method: "POST",
      headers: {
        "x-publishable-api-key": seeded.publishableKey,
        "content-type": "application/json",
      },
      body: JSON.stringify({ token }),
    });
    expect(cancel.status).toBe(200);
    await waitFor((m) => mine(m).some((x) => x.template === "order-canceled"), "cancellation");
    await new Promise((r) => setTimeout(r, 1000));
    expect(mine(await sent()).filter((m) => m.template === "order-canceled")).toHaveLength(1);
    expect(plannedShipsBy(1)).toMatch(/^2027-/);
  });
});
