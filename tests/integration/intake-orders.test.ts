import { randomUUID } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { sku } from "../../src/product/index.ts";
import { type AdminClient, adminClient } from "../support/admin.ts";
import { abandonClaim, intakeBody, postIntake, settledIntake } from "../support/intake.ts";
import { minor, readyCart, regionId, storeClient, variantIdBySku } from "../support/store.ts";
import { sql } from "../support/test-database.ts";

const { databaseUrl, outboxDir } = inject("integration");
let admin: AdminClient;
let ch = "";
let variant = "";

interface AdminOrder {
  id: string;
  status: string;
  currency_code: string;
  total: number;
  subtotal: number;
  tax_total: number;
  shipping_total: number;
  metadata: Record<string, unknown> | null;
  items: {
    id: string;
    title: string;
    product_title: string;
    variant_sku: string;
    variant_title: string;
    quantity: number;
    unit_price: number;
    requires_shipping: boolean;
    is_tax_inclusive: boolean;
    tax_lines: { code: string; rate: number }[];
  }[];
  shipping_methods: { name: string; amount: number; tax_lines: { code: string; rate: number }[] }[];
  payment_collections: {
    amount: number;
    status: string;
    payments?: { amount: number }[];
    payment_sessions?: { amount: number }[];
  }[];
}

const fields = [
  "id",
  "status",
  "currency_code",
  "total",
  "subtotal",
  "tax_total",
  "shipping_total",
  "metadata",
  "*items",
  "*items.tax_lines",
  "*shipping_methods",
  "*shipping_methods.tax_lines",
  "*payment_collections",
  "*payment_collections.payments",
  "*payment_collections.payment_sessions",
].join(",");

async function adminOrder(id: string): Promise<AdminOrder> {
  return (await admin.json<{ order: AdminOrder }>(`/admin/orders/${id}?fields=${fields}`)).order;
}

/** A Swiss order through Medusa's own store flow (standard shipping). */
async function cartOrder(email: string, quantity: number): Promise<string> {
  const sdk = storeClient();
  const done = await sdk.store.cart.complete(await readyCart(sdk, ch, variant, quantity, email));
  if (done.type !== "order") throw new Error("the cart did not become an order");
  return done.order.id;
}

async function sentTo(email: string) {
  const files = await readdir(outboxDir).catch(() => [] as string[]);
  const all = await Promise.all(
    files.map(async (file) => JSON.parse(await readFile(join(outboxDir, file), "utf8"))),
  );
  return all.filter((m: { to: string }) => m.to === email) as {
    template: string;
    locale: string;
    text: string;
  }[];
}

beforeAll(async () => {
  admin = await adminClient("intake-orders@example.ch");
  const sdk = storeClient();
  ch = await regionId(sdk, "ch");
  variant = await variantIdBySku(sdk, ch, sku("tablet", "black"));
});

describe("orders made from checkout intakes", () => {
  it("are the orders Medusa's own checkout makes: items, tax, shipping, totals, payment, stock, batch and one email", async () => {
    const viaCart = await adminOrder(await cartOrder(`cart-${randomUUID()}@example.ch`, 2));
    const email = `intake-${randomUUID()}@example.ch`;
    const accepted = await postIntake(intakeBody(ch, variant, email, 2), randomUUID());
    expect(accepted.status).toBe(202);
    const settled = await settledIntake(accepted.body.intake?.id ?? "");
    expect(settled?.status).toBe("done");
    // The order carries the intake's ULID: a second order for the intake could not be stored.
    expect(settled?.order_id).toBe(settled?.id.replace(/^cint_/, "order_"));
    const viaIntake = await adminOrder(settled?.order_id ?? "");

    for (const key of ["total", "subtotal", "tax_total", "shipping_total"] as const) {
      expect(minor(viaIntake[key]), key).toBe(minor(viaCart[key]));
    }
    expect(viaIntake.currency_code).toBe("chf");
    expect(viaIntake.status).toBe("pending");
    const pick = (o: AdminOrder) => ({
      items: o.items.map((i) => ({
        title: i.title,
        product_title: i.product_title,
        variant_sku: i.variant_sku,
        variant_title: i.variant_title,
        quantity: i.quantity,
        unit_price: minor(i.unit_price),
        requires_shipping: i.requires_shipping,
        is_tax_inclusive: i.is_tax_inclusive,
        tax: i.tax_lines.map((t) => [t.code, Number(t.rate)]),
      })),
      shipping: o.shipping_methods.map((m) => ({
        name: m.name,
        amount: minor(m.amount),
        tax: m.tax_lines.map((t) => [t.code, Number(t.rate)]),
      })),
    });
    expect(pick(viaIntake)).toEqual(pick(viaCart));
    expect(pick(viaIntake).items[0]?.tax).toEqual([expect.arrayContaining([8.1])]);

    // Paid (authorised) for exactly the order's total.
    expect(viaIntake.payment_collections).toHaveLength(1);
    expect(viaIntake.payment_collections[0]?.status).toBe("authorized");
    expect(minor(viaIntake.payment_collections[0]?.amount)).toBe(minor(viaIntake.total));
    // Medusa's total carries the tax's decimals (8.1% of a price); what is paid has the
    // franc's two: collection, session and payment are the total rounded to the centime.
    const rounded = minor(viaIntake.total) / 100;
    const collection = viaIntake.payment_collections[0];
    expect(collection?.amount).toBe(rounded);
    expect(collection?.payment_sessions?.map((p) => p.amount)).toEqual([rounded]);
    expect(collection?.payments?.map((p) => p.amount)).toEqual([rounded]);

    // Its stock is reserved against its line, as a cart's is.
    const line = viaIntake.items[0]?.id ?? "";
    const reservations = await sql<{ quantity: string }>(
      databaseUrl,
      "SELECT quantity FROM reservation_item WHERE line_item_id = $1 AND deleted_at IS NULL",
      [line],
    );
    expect(reservations.map((r) => Number(r.quantity))).toEqual([2]);

    // Its batch is the one promised at intake, and the status page shows it.
    expect(viaIntake.metadata?.batch_number).toBe(settled?.promise.batch_number);
    const status = await fetch(
      `${inject("integration").backendUrl}/store/order-status?token=${encodeURIComponent(settled?.order_token ?? "")}`,
      { headers: { "x-publishable-api-key": inject("integration").seeded.publishableKey } },
    );
    expect(status.status).toBe(200);
    const view = (await status.json()) as { batch: { number: number; ships_by: string } | null };
    expect(view.batch).toEqual({
      number: settled?.promise.batch_number,
      ships_by: settled?.promise.ships_by,
      state: expect.any(String),
    });

    // One confirmation, in the shopper's language (German here), naming the batch.
    await expect
      .poll(async () => (await sentTo(email)).length, { timeout: 20_000 })
      .toBeGreaterThan(0);
    await new Promise((r) => setTimeout(r, 1_000));
    const mail = await sentTo(email);
    expect(mail.map((m) => m.template)).toEqual(["order-placed"]);
    expect(mail[0]?.locale).toBe("de");
    expect(mail[0]?.text).toContain(String(settled?.promise.batch_number));
  });

  it("gives a cancelled intake order's units back to its batch and its stock back", async () => {
    const email = `cancel-${randomUUID()}@example.ch`;
    const accepted = await postIntake(intakeBody(ch, variant, email, 3), randomUUID());
    const settled = await settledIntake(accepted.body.intake?.id ?? "");
    const orderId = settled?.order_id ?? "";
    const batchUnits = async () =>
      Number(
        (
          await sql<{ allocated_units: number }>(
            databaseUrl,
            "SELECT allocated_units FROM production_batch WHERE number = $1",
            [settled?.promise.batch_number],
          )
        )[0]?.allocated_units,
      );
    const before = await batchUnits();
    await admin.json(`/admin/orders/${orderId}/cancel`, { method: "POST", body: "{}" });
    expect(await batchUnits()).toBe(before - 3);
    const left = await sql(
      databaseUrl,
      `SELECT r.id FROM reservation_item r JOIN order_item oi ON oi.item_id = r.line_item_id
        WHERE oi.order_id = $1 AND r.deleted_at IS NULL`,
      [orderId],
    );
    expect(left).toHaveLength(0);
  });

  it("converts a queue of intakes together, and one that cannot become an order holds back none of the others", async () => {
    // A queue as a launch leaves it: many intakes waiting at once. They are written in one
    // transaction (copies of an accepted intake, with their stock held as `accept` holds it),
    // so the converter claims them together; one names a variant that no longer exists.
    const template = await postIntake(
      intakeBody(ch, variant, `template-${randomUUID()}@example.ch`),
      randomUUID(),
    );
    await settledIntake(template.body.intake?.id ?? "");
    const tag = randomUUID().slice(0, 8);
    const good = 12;
    await sql(
      databaseUrl,
      `WITH src AS (SELECT * FROM checkout_intake WHERE id = $1),
       made AS (
         INSERT INTO checkout_intake (id, idempotency_key, request_hash, status, region_id,
                sales_channel_id, currency_code, email, locale, items, shipping_address,
                shipping_option_id, promise, created_at, updated_at)
         SELECT 'cint_' || upper(substr(md5($2 || n), 1, 26)), $2 || n, src.request_hash,
                'pending', src.region_id, src.sales_channel_id, src.currency_code,
                'queue' || n || '-' || $2 || '@example.ch', 'en',
                CASE WHEN n = 0 THEN jsonb_set(src.items, '{0,variant_id}', '"variant_GONE"')
                     ELSE src.items END,
                src.shipping_address, src.shipping_option_id, src.promise, now(), now()
           FROM src, generate_series(0, $3) AS n
         RETURNING id
       )
       UPDATE intake_hold SET units = units + $3
        WHERE id = (SELECT items->0->>'variant_id' FROM src) AND (SELECT count(*) FROM made) > 0`,
      [template.body.intake?.id, tag, good],
    );
    const queue = await sql<{ id: string; email: string }>(
      databaseUrl,
      "SELECT id, email FROM checkout_intake WHERE idempotency_key LIKE $1 ORDER BY email",
      [`${tag}%`],
    );
    expect(queue).toHaveLength(good + 1);
    const bad = queue.find((q) => q.email.startsWith("queue0-"));
    const rest = queue.filter((q) => q !== bad);
    const results = await Promise.all(rest.map((q) => settledIntake(q.id)));
    expect(results.map((r) => r?.status)).toEqual(rest.map(() => "done"));
    expect(new Set(results.map((r) => r?.order_id)).size).toBe(good);
    const [broken] = await sql<{ status: string; last_error: string; order_id: string | null }>(
      databaseUrl,
      "SELECT status, last_error, order_id FROM checkout_intake WHERE id = $1",
      [bad?.id],
    );
    expect(broken?.status).not.toBe("done");
    expect(broken?.order_id).toBeNull();
    expect(broken?.last_error).toMatch(/variant_GONE/);
    const orders = await sql(databaseUrl, `SELECT id FROM "order" WHERE email LIKE $1`, [
      `queue%-${tag}@example.ch`,
    ]);
    expect(orders).toHaveLength(good);
    // Each intake names its own order (the one with its shopper's email), never another's.
    const mismatched = await sql(
      databaseUrl,
      `SELECT i.id FROM checkout_intake i JOIN "order" o ON o.id = i.order_id
        WHERE i.idempotency_key LIKE $1 AND o.email <> i.email`,
      [`${tag}%`],
    );
    expect(mismatched).toHaveLength(0);
  });

  it("finishes intakes the first converter (a cart per intake) left behind: the cart's order if it has one, else a new order in the intake's batch", async () => {
    // As a shop upgraded mid-launch has them: claimed by a dead process, a cart recorded, the
    // batch allocation moved onto that cart. One cart became an order, the other did not.
    const template = await postIntake(
      intakeBody(ch, variant, `old-template-${randomUUID()}@example.ch`),
      randomUUID(),
    );
    await settledIntake(template.body.intake?.id ?? "");
    const sdk = storeClient();
    const orderedEmail = `old-ordered-${randomUUID()}@example.ch`;
    const orderedCart = await readyCart(sdk, ch, variant, 1, orderedEmail);
    const done = await sdk.store.cart.complete(orderedCart);
    if (done.type !== "order") throw new Error("no order");
    const openEmail = `old-open-${randomUUID()}@example.ch`;
    const openCart = await readyCart(sdk, ch, variant, 1, openEmail);
    const tag = randomUUID().slice(0, 8);
    await sql(
      databaseUrl,
      `WITH src AS (SELECT * FROM checkout_intake WHERE id = $1),
       made AS (
         INSERT INTO checkout_intake (id, idempotency_key, request_hash, status, claimed_by,
                claim_expires_at, region_id, sales_channel_id, currency_code, email, locale, items,
                shipping_address, shipping_option_id, promise, cart_id, attempts, created_at,
                updated_at)
         SELECT 'cint_' || upper(substr(md5($2 || v.email), 1, 26)), $2 || v.email,
                src.request_hash, 'converting', 'dead-process', now() - interval '1 second',
                src.region_id, src.sales_channel_id, src.currency_code, v.email, 'en', src.items,
                src.shipping_address, src.shipping_option_id, src.promise, v.cart_id, 1, now(), now()
           FROM src, (VALUES ($3, $4), ($5, $6)) AS v(email, cart_id)
         RETURNING id
       ),
       held AS (
         UPDATE intake_hold SET units = units + 2
          WHERE id = (SELECT items->0->>'variant_id' FROM src)
       ),
       counted AS (
         UPDATE production_batch SET allocated_units = allocated_units + 1
          WHERE id = (SELECT batch_id FROM batch_allocation
                       WHERE order_id = (SELECT order_id FROM src))
       )
       INSERT INTO batch_allocation (id, cart_id, units, batch_id, created_at, updated_at)
       SELECT 'palloc_test' || md5($6), $6, 1, batch_id, now(), now()
         FROM batch_allocation WHERE order_id = (SELECT order_id FROM src)`,
      [template.body.intake?.id, tag, orderedEmail, orderedCart, openEmail, openCart],
    );
    const intakes = await sql<{ id: string; email: string }>(
      databaseUrl,
      "SELECT id, email FROM checkout_intake WHERE idempotency_key LIKE $1",
      [`${tag}%`],
    );
    const settled = new Map(
      await Promise.all(intakes.map(async (i) => [i.email, await settledIntake(i.id)] as const)),
    );
    expect(settled.get(orderedEmail)?.status).toBe("done");
    expect(settled.get(orderedEmail)?.order_id).toBe(done.order.id);
    expect(settled.get(openEmail)?.status).toBe("done");
    const opened = settled.get(openEmail)?.order_id ?? "";
    const [allocation] = await sql<{ cart_id: string }>(
      databaseUrl,
      "SELECT cart_id FROM batch_allocation WHERE order_id = $1 AND deleted_at IS NULL",
      [opened],
    );
    expect(allocation?.cart_id).toBe(openCart);
    for (const email of [orderedEmail, openEmail]) {
      expect(
        await sql(databaseUrl, `SELECT id FROM "order" WHERE email = $1`, [email]),
      ).toHaveLength(1);
    }
  });

  it("only closes the intake of a cut-off conversion whose order was cancelled meanwhile: no stock taken again", async () => {
    const email = `cut-cancelled-${randomUUID()}@example.ch`;
    const accepted = await postIntake(intakeBody(ch, variant, email, 1), randomUUID());
    const settled = await settledIntake(accepted.body.intake?.id ?? "");
    const orderId = settled?.order_id ?? "";
    const line = (await adminOrder(orderId)).items[0]?.id ?? "";
    await admin.json(`/admin/orders/${orderId}/cancel`, { method: "POST", body: "{}" });
    await abandonClaim(settled?.id ?? "", { evenIfDone: true });
    expect((await settledIntake(settled?.id ?? ""))?.status).toBe("done");
    const reserved = await sql(
      databaseUrl,
      "SELECT id FROM reservation_item WHERE line_item_id = $1 AND deleted_at IS NULL",
      [line],
    );
    expect(reserved).toHaveLength(0);
    expect((await adminOrder(orderId)).status).toBe("canceled");
  });

  it("completes an order whose conversion was cut off after the order was stored: stock, payment and batch, one email", async () => {
    const email = `resumed-${randomUUID()}@example.ch`;
    const accepted = await postIntake(intakeBody(ch, variant, email, 2), randomUUID());
    const settled = await settledIntake(accepted.body.intake?.id ?? "");
    const orderId = settled?.order_id ?? "";
    const line = (await adminOrder(orderId)).items[0]?.id ?? "";
    // As a process killed mid-workflow leaves it: the order stored, the rest not done, the
    // intake claimed by the dead process.
    const { reservations } = await admin.json<{ reservations: { id: string }[] }>(
      `/admin/reservations?line_item_id=${line}`,
    );
    for (const r of reservations) {
      await admin.json(`/admin/reservations/${r.id}`, { method: "DELETE" });
    }
    await sql(
      databaseUrl,
      "UPDATE order_payment_collection SET deleted_at = now() WHERE order_id = $1",
      [orderId],
    );
    await sql(databaseUrl, "UPDATE batch_allocation SET order_id = NULL WHERE order_id = $1", [
      orderId,
    ]);
    await abandonClaim(settled?.id ?? "", { evenIfDone: true });
    expect((await settledIntake(settled?.id ?? ""))?.status).toBe("done");
    const order = await adminOrder(orderId);
    expect(order.payment_collections.map((p) => p.status)).toEqual(["authorized"]);
    expect(minor(order.payment_collections[0]?.amount)).toBe(minor(order.total));
    const again = await sql<{ quantity: string }>(
      databaseUrl,
      "SELECT quantity FROM reservation_item WHERE line_item_id = $1 AND deleted_at IS NULL",
      [line],
    );
    expect(again.map((r) => Number(r.quantity))).toEqual([2]);
    const allocation = await sql(
      databaseUrl,
      "SELECT id FROM batch_allocation WHERE order_id = $1 AND deleted_at IS NULL",
      [orderId],
    );
    expect(allocation).toHaveLength(1);
    expect(await sql(databaseUrl, `SELECT id FROM "order" WHERE email = $1`, [email])).toHaveLength(
      1,
    );
    await new Promise((r) => setTimeout(r, 1_500));
    expect((await sentTo(email)).map((m) => m.template)).toEqual(["order-placed"]);
  });
});
