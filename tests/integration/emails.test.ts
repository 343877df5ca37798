import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, inject, it, onTestFinished } from "vitest";
import { verifyOrderLink } from "../../backend/src/lib/order-links.ts";
import { plannedShipsBy, routes, sku } from "../../src/product/index.ts";
import { adminClient } from "../support/admin.ts";
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
    const cancellations = mine(await sent()).filter((m) => m.template === "order-canceled");
    expect(cancellations).toHaveLength(1);
    expect(cancellations[0]?.subject).toBe(`Commande Camslide n° ${done.order.display_id} annulée`);
    expect(cancellations[0]?.text).toContain("intégralement remboursé");
    expect(plannedShipsBy(1)).toMatch(/^2027-/);
  });

  it("writes to a German buyer in German: the confirmation with its date and link, and the cancellation", async () => {
    const sdk = storeClient();
    const region = await regionId(sdk, "ch");
    const variant = await variantIdBySku(sdk, region, sku("phone", "coral"));
    const cartId = await readyCart(sdk, region, variant, 2, "jonas.mail@example.ch");
    await sdk.store.cart.update(cartId, { metadata: { locale: "de" } });
    const done = await sdk.store.cart.complete(cartId);
    if (done.type !== "order") throw new Error("no order");
    const number = done.order.display_id;
    const mine = (messages: Sent[], template: string) =>
      messages.filter((m) => m.order_id === done.order.id && m.template === template);

    const [confirmation] = mine(
      await waitFor((m) => mine(m, "order-placed").length > 0, "German confirmation"),
      "order-placed",
    );
    expect(confirmation?.locale).toBe("de");
    expect(confirmation?.subject).toBe(`Ihre Camslide-Bestellung Nr. ${number}`);
    expect(confirmation?.text).toContain(`Danke für Ihre Bestellung Nr. ${number}.`);
    // The ship-by date as a German reader writes it ("29. Januar 2027"), and the batch.
    expect(confirmation?.text).toMatch(
      /Sie wird bis \d{1,2}\. \p{L}+ 2027 mit Produktionslos \d+ versandt\./u,
    );
    const link = confirmation?.text.match(/https?:\/\/\S+/)?.[0] ?? "";
    expect(new URL(link).pathname).toBe(routes.status.de);
    const token = new URL(link).searchParams.get("token");
    expect(verifyOrderLink(token, medusaEnv.COOKIE_SECRET ?? "")).toBe(done.order.id);

    const cancel = await fetch(`${backendUrl}/store/order-status/cancel`, {
      method: "POST",
      headers: {
        "x-publishable-api-key": seeded.publishableKey,
        "content-type": "application/json",
      },
      body: JSON.stringify({ token }),
    });
    expect(cancel.status).toBe(200);
    const [cancellation] = mine(
      await waitFor((m) => mine(m, "order-canceled").length > 0, "German cancellation"),
      "order-canceled",
    );
    expect(cancellation?.subject).toBe(`Camslide-Bestellung Nr. ${number} storniert`);
    expect(cancellation?.text).toContain(
      `Ihre Bestellung Nr. ${number} ist storniert, Ihre Zahlung wird vollständig erstattet.`,
    );
  });

  it("tells each buyer in a batch of its new date once, with a cancel link, and not the ones who cancelled", async () => {
    const { token: adminToken } = await adminClient("dates-ops@example.ch");
    const store = (path: string, body?: unknown) =>
      fetch(`${backendUrl}${path}`, {
        method: body === undefined ? "GET" : "POST",
        headers: {
          "x-publishable-api-key": seeded.publishableKey,
          "content-type": "application/json",
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      }).then(async (r) => (await r.json()) as Record<string, unknown>);

    const sdk = storeClient();
    const region = await regionId(sdk, "ch");
    const variant = await variantIdBySku(sdk, region, sku("monitor", "black"));
    const orders: { id: string; cartId: string }[] = [];
    for (const buyer of ["one", "two", "gone"]) {
      const cartId = await readyCart(sdk, region, variant, 1, `${buyer}@example.ch`);
      const done = await sdk.store.cart.complete(cartId);
      if (done.type !== "order") throw new Error("no order");
      orders.push({ id: done.order.id, cartId });
    }
    const batches = await Promise.all(orders.map((o) => store(`/store/production/orders/${o.id}`)));
    const numbers = new Set(batches.map((b) => (b.batch as { number: number }).number));
    expect(numbers.size).toBe(1);
    const gone = orders[2];
    if (!gone) throw new Error("no third order");
    const { token } = (await store("/store/order-status/token", {
      order_id: gone.id,
      cart_id: gone.cartId,
    })) as { token: string };
    await store("/store/order-status/cancel", { token });

    const admin = (path: string, body?: unknown) =>
      fetch(`${backendUrl}${path}`, {
        method: body === undefined ? "GET" : "POST",
        headers: { authorization: `Bearer ${adminToken}`, "content-type": "application/json" },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      }).then(async (r) => ({
        status: r.status,
        json: (await r.json()) as Record<string, unknown>,
      }));
    const { json } = await admin("/admin/production/batches");
    const batch = (json.batches as { id: string; number: number }[]).find((b) =>
      numbers.has(b.number),
    );
    if (!batch) throw new Error("no batch");
    const newDate = "2027-06-30";
    const originalDate = (json.batches as { id: string; ships_by: string }[])
      .find((b) => b.id === batch.id)
      ?.ships_by.slice(0, 10);
    expect(
      (await admin(`/admin/production/batches/${batch.id}`, { ships_by: newDate })).status,
    ).toBe(200);
    onTestFinished(async () => {
      // Other test files expect the plan's dates.
      await admin(`/admin/production/batches/${batch.id}`, { ships_by: originalDate });
    });
    const ours = (messages: Sent[]) =>
      messages.filter(
        (m) => m.template === "batch-date-changed" && orders.some((o) => o.id === m.order_id),
      );
    await waitFor((m) => ours(m).length >= 2, "date change notices");
    // The same date again is no change: nobody is told twice.
    expect(
      (await admin(`/admin/production/batches/${batch.id}`, { ships_by: newDate })).status,
    ).toBe(200);
    await new Promise((r) => setTimeout(r, 1500));
    const notices = ours(await sent());
    expect(notices.map((n) => n.to).sort()).toEqual(["one@example.ch", "two@example.ch"]);
    for (const notice of notices) {
      expect(notice.text).toContain("2027");
      const link = notice.text.match(/https?:\/\/\S+/)?.[0] ?? "";
      expect(
        verifyOrderLink(new URL(link).searchParams.get("token"), medusaEnv.COOKIE_SECRET ?? ""),
      ).toBe(notice.order_id);
    }
    const status = await store(`/store/production/orders/${orders[0]?.id}`);
    expect((status.batch as { ships_by: string }).ships_by).toBe(newDate);
  });
});
