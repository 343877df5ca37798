import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { basePriceMinor, sku } from "../../src/product/index.ts";
import { type AdminClient, adminClient, setStock } from "../support/admin.ts";
import {
  abandonClaim,
  getIntake,
  intakeBody,
  postIntake,
  settledIntake,
} from "../support/intake.ts";
import { minor, regionId, storeClient, variantIdBySku } from "../support/store.ts";
import { sql } from "../support/test-database.ts";

const { databaseUrl } = inject("integration");
let admin: AdminClient;
let ch = "";
let world = "";
let tablet = "";

async function ordersFor(email: string) {
  return sql<{ id: string; unit_price: string }>(
    databaseUrl,
    `SELECT o.id, min(li.unit_price) AS unit_price FROM "order" o
       LEFT JOIN order_item oi ON oi.order_id = o.id
       LEFT JOIN order_line_item li ON li.id = oi.item_id
      WHERE o.email = $1 AND o.deleted_at IS NULL GROUP BY o.id`,
    [email],
  );
}

async function intakesFor(email: string) {
  return sql<{ id: string; status: string }>(
    databaseUrl,
    "SELECT id, status FROM checkout_intake WHERE email = $1",
    [email],
  );
}

beforeAll(async () => {
  admin = await adminClient("intake-ops@example.ch");
  const sdk = storeClient();
  ch = await regionId(sdk, "ch");
  world = await regionId(sdk, "world");
  tablet = await variantIdBySku(sdk, ch, sku("tablet", "black"));
});

describe("checkout intakes (the launch route)", () => {
  it("accepts a checkout at once and turns it into exactly one order at Medusa's price", async () => {
    const email = `intake-${randomUUID()}@example.ch`;
    const accepted = await postIntake(intakeBody(ch, tablet, email, 2), randomUUID());
    expect(accepted.status).toBe(202);
    const intake = accepted.body.intake;
    expect(intake?.status).toBe("pending");
    expect(intake?.promise.batch_number).toBeGreaterThan(0);
    expect(minor(intake?.items[0]?.unit_price)).toBe(basePriceMinor.tablet.chf);
    const settled = await settledIntake(intake?.id ?? "");
    expect(settled?.status).toBe("done");
    expect(settled?.order_token).toMatch(/\S{20,}/);
    // The order id gives the intake's id away (same ULID): without the access token the
    // browser was given, or with another intake's, it answers as for an unknown intake.
    expect(intake?.access_token).toBe(settled?.access_token);
    const derived = (settled?.order_id ?? "").replace(/^order_/, "cint_");
    for (const token of [null, "x".repeat(43), accepted.body.intake?.access_token.slice(1) ?? ""]) {
      const denied = await getIntake(derived, token);
      expect(denied.status).toBe(404);
      expect(JSON.stringify(denied.body)).not.toContain(settled?.order_id ?? "order_");
    }
    const orders = await ordersFor(email);
    expect(orders.map((o) => o.id)).toEqual([settled?.order_id]);
    const [allocation] = await sql<{ units: number }>(
      databaseUrl,
      "SELECT a.units FROM batch_allocation a WHERE a.order_id = $1 AND a.deleted_at IS NULL",
      [settled?.order_id],
    );
    expect(allocation?.units).toBe(2);
  });

  it("answers a retried request with the first intake and makes one order", async () => {
    const email = `retry-${randomUUID()}@example.ch`;
    const key = randomUUID();
    const body = intakeBody(ch, tablet, email);
    const replies = await Promise.all([postIntake(body, key), postIntake(body, key)]);
    const again = await postIntake(body, key);
    const ids = new Set([...replies, again].map((r) => r.body.intake?.id));
    expect(ids.size).toBe(1);
    expect([...replies, again].map((r) => r.status).sort()).toEqual([200, 200, 202]);
    await settledIntake([...ids][0] ?? "");
    expect(await ordersFor(email)).toHaveLength(1);
    expect(await intakesFor(email)).toHaveLength(1);
  });

  it("takes over an intake whose converting process died, and makes exactly one order", async () => {
    const email = `orphan-${randomUUID()}@example.ch`;
    const accepted = await postIntake(intakeBody(ch, tablet, email), randomUUID());
    const id = accepted.body.intake?.id ?? "";
    await abandonClaim(id);
    const settled = await settledIntake(id);
    expect(settled?.status).toBe("done");
    expect(await ordersFor(email)).toHaveLength(1);
  });

  it("refuses a reused key with a different body with a 409 naming the first intake, and stores no second", async () => {
    const key = randomUUID();
    const email = `reuse-${randomUUID()}@example.ch`;
    const first = await postIntake(intakeBody(ch, tablet, email), key);
    expect(first.status).toBe(202);
    // The browser lost that answer, and the shopper changed the address before trying again.
    const edited = intakeBody(ch, tablet, email);
    const other = await postIntake(
      { ...edited, shipping_address: { ...edited.shipping_address, address_1: "Seestrasse 9" } },
      key,
    );
    expect(other.status).toBe(409);
    expect(other.body).toMatchObject({
      type: "conflict",
      code: "idempotency_key_reused",
      message: expect.stringMatching(/different checkout/),
      intake: {
        id: first.body.intake?.id,
        access_token: first.body.intake?.access_token,
        promise: first.body.intake?.promise,
        // What it was placed with, which the shopper's page no longer shows.
        email,
        shipping_address: { address_1: "Bahnhofstrasse 1", postal_code: "8001" },
      },
    });
    expect(await intakesFor(email)).toHaveLength(1);
  });

  it("tells a short (guessable) reused key that it was used, and nothing about its intake", async () => {
    const key = randomUUID().slice(0, 12);
    const email = `short-key-${randomUUID()}@example.ch`;
    expect((await postIntake(intakeBody(ch, tablet, email), key)).status).toBe(202);
    const other = await postIntake(intakeBody(ch, tablet, email, 3), key);
    expect(other.status).toBe(409);
    expect(other.body).toEqual({
      type: "conflict",
      code: "idempotency_key_reused",
      message: expect.stringMatching(/different checkout/),
    });
  });

  it.each([
    ["an unknown variant", { items: [{ variant_id: "variant_NOPE", quantity: 1 }] }, /not sold/],
    ["a quantity of 0", { items: [{ variant_id: "$tablet", quantity: 0 }] }, /quantity/],
    ["a quantity of 1.5", { items: [{ variant_id: "$tablet", quantity: 1.5 }] }, /whole number/],
    ["a huge quantity", { items: [{ variant_id: "$tablet", quantity: 1e9 }] }, /quantity/],
    ["a country outside the region", { shipping_address: { country_code: "us" } }, /does not ship/],
    ["an unknown shipping option", { shipping: "drone" }, /shipping/],
    ["an invalid email", { email: "not-an-email" }, /email/],
  ])("refuses %s with a 400 and stores nothing", async (_, change, message) => {
    const email = `bad-${randomUUID()}@example.ch`;
    const base = intakeBody(ch, tablet, email);
    const items = (change as { items?: { variant_id: string; quantity: number }[] }).items?.map(
      (item) => ({ ...item, variant_id: item.variant_id === "$tablet" ? tablet : item.variant_id }),
    );
    const address = (change as { shipping_address?: object }).shipping_address;
    const body = {
      ...base,
      ...change,
      ...(items ? { items } : {}),
      ...(address ? { shipping_address: { ...base.shipping_address, ...address } } : {}),
    };
    const reply = await postIntake(body, randomUUID());
    expect(reply.status).toBe(400);
    expect(reply.body.message).toMatch(message);
    expect(await intakesFor(email)).toHaveLength(0);
  });

  it("is closed in a region that takes card payments: the queue's orders are paid by the system provider", async () => {
    // A region as `STRIPE_API_KEY` leaves them: the system provider not offered.
    const { region } = await admin.json<{ region: { id: string } }>("/admin/regions", {
      method: "POST",
      body: JSON.stringify({
        name: `Cards only ${randomUUID().slice(0, 8)}`,
        currency_code: "eur",
        countries: ["br"],
        payment_providers: [],
      }),
    });
    try {
      const email = `cards-${randomUUID()}@example.ch`;
      const post = () =>
        postIntake(
          intakeBody(region.id, tablet, email, 1, {
            shipping_address: {
              first_name: "Ana",
              last_name: "Silva",
              address_1: "Avenida Paulista 1000",
              city: "São Paulo",
              postal_code: "01310-100",
              country_code: "br",
            },
          }),
          randomUUID(),
        );
      // The intake route reads regions again at most once a second: a new one may be unknown
      // for that second.
      let reply = await post();
      for (let i = 0; i < 20 && /Unknown region/.test(reply.body.message ?? ""); i++) {
        await new Promise((r) => setTimeout(r, 250));
        reply = await post();
      }
      expect(reply.status).toBe(400);
      expect(reply.body.message).toMatch(/not open in this region/);
      expect(await intakesFor(email)).toHaveLength(0);
    } finally {
      await admin.fetch(`/admin/regions/${region.id}`, { method: "DELETE" });
    }
  });

  it("refuses a request without an Idempotency-Key", async () => {
    const reply = await postIntake(intakeBody(ch, tablet, "nokey@example.ch"), undefined);
    expect(reply.status).toBe(400);
    expect(reply.body.message).toMatch(/Idempotency-Key/);
  });

  it("takes the price from Medusa, never from the body", async () => {
    const email = `price-${randomUUID()}@example.ch`;
    const body = intakeBody(
      world,
      await variantIdBySku(storeClient(), world, sku("laptop", "black")),
      email,
      1,
      {
        shipping_address: {
          first_name: "Jo",
          last_name: "Doe",
          address_1: "1120 SW 5th Ave",
          city: "Portland",
          postal_code: "97201",
          province: "OR",
          country_code: "us",
        },
      },
    );
    const items = body.items.map((item) => ({ ...item, unit_price: 0.01 }));
    const reply = await postIntake({ ...body, items, total: 0.01 }, randomUUID());
    expect(reply.status).toBe(202);
    expect(minor(reply.body.intake?.items[0]?.unit_price)).toBe(basePriceMinor.laptop.usd);
    const settled = await settledIntake(reply.body.intake?.id ?? "");
    expect(settled?.status).toBe("done");
    const [order] = await ordersFor(email);
    expect(minor(Number(order?.unit_price))).toBe(basePriceMinor.laptop.usd);
  });

  it("never oversells when intakes race for a variant's last units, and each accepted one becomes one order", async () => {
    const wanted = sku("monitor", "coral");
    const variant = await variantIdBySku(storeClient(), ch, wanted);
    const left = 4;
    const restore = await setStock(admin, wanted, (reserved) => reserved + left);
    try {
      const emails = Array.from({ length: 12 }, (_, i) => `last${i}-${randomUUID()}@example.ch`);
      const replies = await Promise.all(
        emails.map((email) => postIntake(intakeBody(ch, variant, email), randomUUID())),
      );
      const accepted = replies.filter((r) => r.status === 202);
      expect(accepted).toHaveLength(left);
      for (const refused of replies.filter((r) => r.status !== 202)) {
        expect(refused.body.message).toMatch(/Not enough stock/);
      }
      const settled = await Promise.all(
        accepted.map((r) => settledIntake(r.body.intake?.id ?? "")),
      );
      expect(settled.map((s) => s?.status)).toEqual(accepted.map(() => "done"));
      const orders = (await Promise.all(emails.map(ordersFor))).flat();
      expect(orders).toHaveLength(left);
      const oversold = await sql(
        databaseUrl,
        "SELECT id FROM inventory_level WHERE reserved_quantity > stocked_quantity",
      );
      expect(oversold).toHaveLength(0);
      const { status } = await getIntake("cint_NOTANINTAKE");
      expect(status).toBe(404);
    } finally {
      await restore();
    }
  });
});
