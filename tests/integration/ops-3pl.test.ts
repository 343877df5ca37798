import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import type Medusa from "@medusajs/js-sdk";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { parseCsv } from "../../backend/src/lib/csv.ts";
import { EXPORT_COLUMNS } from "../../backend/src/lib/export-csv.ts";
import { sku, variantBySku } from "../../src/product/index.ts";
import { type AdminClient, adminClient } from "../support/admin.ts";
import { readyCart, regionId, storeClient, variantIdBySku } from "../support/store.ts";

interface Placed {
  id: string;
  displayId: number;
  cartId: string;
}

let admin: AdminClient;
let sdk: Medusa;
let region: string;

async function place(
  skuCode: string,
  quantity: number,
  email: string,
  address?: Record<string, string>,
): Promise<Placed> {
  const cart = await readyCart(
    sdk,
    region,
    await variantIdBySku(sdk, region, skuCode),
    quantity,
    email,
  );
  if (address) await sdk.store.cart.update(cart, { shipping_address: address });
  const done = await sdk.store.cart.complete(cart);
  if (done.type !== "order") throw new Error(`cart ${cart} did not become an order`);
  return { id: done.order.id, displayId: done.order.display_id ?? 0, cartId: cart };
}

let lastExportId = "";

/** A new export (POST /admin/ops/exports) with these filters: its CSV's records. */
async function exportCsv(filters: { batch?: number; since?: string } = {}): Promise<string[][]> {
  const response = await admin.fetch("/admin/ops/exports", {
    method: "POST",
    body: JSON.stringify(filters),
  });
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toMatch(/^text\/csv/);
  lastExportId = response.headers.get("x-camslide-export-id") ?? "";
  expect(lastExportId).toMatch(/^export_/);
  return parseCsv(await response.text()).map((r) => r.fields);
}

/** A store call as the buyer's order page makes it. */
async function store(path: string, body: unknown) {
  const { backendUrl, seeded } = inject("integration");
  const response = await fetch(`${backendUrl}${path}`, {
    method: "POST",
    headers: { "x-publishable-api-key": seeded.publishableKey, "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

/** The buyer's signed order link, as the confirmation page gets it. */
async function orderToken(order: Placed): Promise<string> {
  const link = await store("/store/order-status/token", {
    order_id: order.id,
    cart_id: order.cartId,
  });
  expect(link.status).toBe(200);
  return String(link.json.token);
}

/** What the buyer's order page says: whether the order is exported, cancelled. */
async function orderState(token: string): Promise<{ exported: boolean; state: string }> {
  const { backendUrl, seeded } = inject("integration");
  const response = await fetch(
    `${backendUrl}/store/order-status?token=${encodeURIComponent(token)}`,
    { headers: { "x-publishable-api-key": seeded.publishableKey } },
  );
  return (await response.json()) as { exported: boolean; state: string };
}

async function batchOf(order: Placed): Promise<number> {
  const { backendUrl, seeded } = inject("integration");
  const response = await fetch(`${backendUrl}/store/production/orders/${order.id}`, {
    headers: { "x-publishable-api-key": seeded.publishableKey },
  });
  return ((await response.json()) as { batch: { number: number } }).batch.number;
}

interface Report {
  shipped: { line: number; order_number: number }[];
  rejected: { line: number; reason: string }[];
}

async function importTracking(csv: string): Promise<Report> {
  return admin.json<Report>("/admin/ops/tracking", {
    method: "POST",
    headers: { "content-type": "text/plain" },
    body: csv,
  });
}

interface AdminOrder {
  fulfillments: { shipped_at: string | null; labels: { tracking_number: string }[] }[];
}

async function fulfilments(order: Placed) {
  const { order: found } = await admin.json<{ order: AdminOrder }>(
    `/admin/orders/${order.id}?fields=id,*fulfillments,*fulfillments.labels`,
  );
  return found.fulfillments;
}

const unitWeight = (code: string) => {
  const variant = variantBySku(code);
  if (!variant) throw new Error(`no variant ${code}`);
  return variant.shippingWeightG;
};

const tricky = {
  first_name: "Zoë",
  last_name: 'O"Brien, Jr.',
  address_1: '=HYPERLINK("http://evil")',
  address_2: "Apt 4\nBack door",
  city: "Genève",
  postal_code: "1201",
  country_code: "ch",
  phone: "+41 22 000 00 00",
};

const laptop = sku("laptop", "black");
const phone = sku("phone", "white");

let a: Placed;
let b: Placed;
let cancelled: Placed;
let batch: number;
let firstExport: { id: string; rows: string[][] };

beforeAll(async () => {
  admin = await adminClient("3pl@example.ch");
  sdk = storeClient();
  region = await regionId(sdk, "ch");
  // Hand everything other tests placed to the "3PL" first, so what follows counts only ours.
  await exportCsv();
  a = await place(laptop, 2, "a@example.ch");
  b = await place(phone, 1, "b@example.ch", tricky);
  cancelled = await place(laptop, 1, "c@example.ch");
  await admin.json(`/admin/orders/${cancelled.id}/cancel`, { method: "POST", body: "{}" });
  batch = await batchOf(a);
  expect(await batchOf(b)).toBe(batch);
});

describe("export to the 3PL", () => {
  it("lists exactly the batch's unexported, uncancelled order lines with their fields, and marks them", async () => {
    const file = await exportCsv({ batch });
    firstExport = { id: lastExportId, rows: file };
    const [header, ...rows] = file;
    expect(header).toEqual([...EXPORT_COLUMNS]);
    const col = (name: (typeof EXPORT_COLUMNS)[number]) => EXPORT_COLUMNS.indexOf(name);
    expect(rows.map((r) => r[col("order_number")])).toEqual([
      String(a.displayId),
      String(b.displayId),
    ]);
    const [rowA, rowB] = rows;
    expect(rowA?.[col("batch")]).toBe(String(batch));
    expect(rowA?.[col("recipient")]).toBe("Anna Muster");
    expect(rowA?.[col("address_1")]).toBe("Bahnhofstrasse 1");
    expect(rowA?.[col("postcode")]).toBe("8001");
    expect(rowA?.[col("city")]).toBe("Zürich");
    expect(rowA?.[col("country")]).toBe("CH");
    expect(rowA?.[col("phone")]).toBe("'+41 44 000 00 00");
    expect(rowA?.[col("email")]).toBe("a@example.ch");
    expect(rowA?.[col("sku")]).toBe(laptop);
    expect(rowA?.[col("quantity")]).toBe("2");
    expect(rowA?.[col("line_weight_g")]).toBe(String(Math.ceil(unitWeight(laptop) * 2)));
    // Commas, quotes and line breaks survive; a formula comes out as text.
    expect(rowB?.[col("recipient")]).toBe('Zoë O"Brien, Jr.');
    expect(rowB?.[col("address_1")]).toBe('\'=HYPERLINK("http://evil")');
    expect(rowB?.[col("address_2")]).toBe("Apt 4\nBack door");
    expect(rowB?.[col("city")]).toBe("Genève");
  });

  it("downloads an earlier export's file again by its id, changing nothing", async () => {
    const again = await admin.fetch(`/admin/ops/exports/${firstExport.id}`);
    expect(again.status).toBe(200);
    expect(again.headers.get("content-type")).toMatch(/^text\/csv/);
    const rows = parseCsv(await again.text()).map((r) => r.fields);
    expect(rows).toEqual(firstExport.rows);
    expect(rows.slice(1).map((r) => Number(r[0]))).toEqual([a.displayId, b.displayId]);
    // Downloading again marked nothing new, so another export still finds nothing.
    expect(await exportCsv({ batch })).toEqual([[...EXPORT_COLUMNS]]);
  });

  it("leaves exported orders out of the next export: only the header comes back", async () => {
    expect(await exportCsv({ batch })).toEqual([[...EXPORT_COLUMNS]]);
    expect(await exportCsv()).toEqual([[...EXPORT_COLUMNS]]);
  });

  it.each([
    ["a batch that is not a number", { batch: "three" }],
    ["a date that is not a date", { since: "2027-13-45" }],
    ["an unknown filter", { status: "all" }],
  ])("refuses %s with a 400", async (_name, body) => {
    const response = await admin.fetch("/admin/ops/exports", {
      method: "POST",
      body: JSON.stringify(body),
    });
    expect(response.status).toBe(400);
  });

  it.each([
    ["an id that is not an export id", "/admin/ops/exports/nope", 400],
    ["an export that never was", "/admin/ops/exports/export_01JAAAAAAAAAAAAAAAAAAAAAAA", 404],
  ])("answers %s with a %d", async (_name, path, status) => {
    expect((await admin.fetch(path)).status).toBe(status);
  });

  it("is for admins only", async () => {
    const { backendUrl } = inject("integration");
    const post = await fetch(`${backendUrl}/admin/ops/exports`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{}",
    });
    expect(post.status).toBe(401);
    expect((await fetch(`${backendUrl}/admin/ops/exports/${lastExportId}`)).status).toBe(401);
  });
});

describe("an export forged by another site's page", () => {
  let order: Placed;
  let token: string;
  let cookie: string;

  beforeAll(async () => {
    order = await place(phone, 1, "csrf@example.ch");
    token = await orderToken(order);
    // The admin's browser session: the cookie Medusa's admin login sets.
    const { backendUrl } = inject("integration");
    // Medusa sets its Secure cookie only over HTTPS: here, as behind the shop's TLS proxy.
    const session = await fetch(`${backendUrl}/auth/session`, {
      method: "POST",
      headers: { authorization: `Bearer ${admin.token}`, "x-forwarded-proto": "https" },
    });
    expect(session.status).toBe(200);
    cookie = (session.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
    expect(cookie).toMatch(/^connect\.sid=/);
  });

  it.each([
    ["a navigation (GET) to the old export address", "GET", "/admin/ops/export.csv", {}],
    ["a GET of the exports address", "GET", "/admin/ops/exports", {}],
    [
      "a form POST",
      "POST",
      "/admin/ops/exports",
      {
        origin: "https://evil.example",
        "content-type": "application/x-www-form-urlencoded",
        body: "batch=1",
      },
    ],
    [
      "a text/plain form POST",
      "POST",
      "/admin/ops/exports",
      { origin: "https://evil.example", "content-type": "text/plain", body: "{}" },
    ],
    [
      "a JSON POST from a foreign origin",
      "POST",
      "/admin/ops/exports",
      { origin: "https://evil.example", "content-type": "application/json", body: "{}" },
    ],
  ])(
    "with the admin's session cookie, %s exports and marks nothing",
    async (_name, method, path, extra) => {
      const { backendUrl } = inject("integration");
      const { body, ...headers } = extra as Record<string, string>;
      const response = await fetch(`${backendUrl}${path}`, {
        method,
        headers: { cookie, ...headers },
        ...(body === undefined ? {} : { body }),
      });
      expect(response.status).not.toBe(200);
      expect(await response.text()).not.toContain(String(order.displayId));
      expect(await orderState(token)).toMatchObject({ exported: false, state: "placed" });
    },
  );

  it("refuses a tracking import posted from a foreign origin with the admin's cookie", async () => {
    const { backendUrl } = inject("integration");
    const response = await fetch(`${backendUrl}/admin/ops/tracking`, {
      method: "POST",
      headers: { cookie, origin: "https://evil.example", "content-type": "text/plain" },
      body: `order_number,carrier,tracking_number,shipped_date\n${order.displayId},X,1,2027-01-01\n`,
    });
    expect(response.status).toBe(403);
  });

  it("is made by the admin's own page: the same cookie, a JSON POST from the backend's origin", async () => {
    const { backendUrl } = inject("integration");
    const response = await fetch(`${backendUrl}/admin/ops/exports`, {
      method: "POST",
      headers: { cookie, origin: new URL(backendUrl).origin, "content-type": "application/json" },
      body: "{}",
    });
    expect(response.status).toBe(200);
    expect(await response.text()).toContain(`\r\n${order.displayId},`);
    expect(await orderState(token)).toMatchObject({ exported: true });
  });
});

describe("buyers cancelling while the 3PL export runs", () => {
  it("leaves every order either exported and not cancelled, or cancelled and not in the file", async () => {
    // The export starts at different moments of the cancels (before their check, during
    // Medusa's cancellation, after it), so that some round meets each interleaving.
    const outcomes: { order: Placed; token: string; inFile: boolean; cancel: number }[] = [];
    for (const delayMs of [0, 50, 100, 200, 300, 500]) {
      const since = new Date(Date.now() - 1000).toISOString();
      const orders = [
        await place(laptop, 1, `race-${delayMs}-a@example.ch`),
        await place(laptop, 1, `race-${delayMs}-b@example.ch`),
      ];
      const tokens = await Promise.all(orders.map(orderToken));
      const cancels = tokens.map((token) => store("/store/order-status/cancel", { token }));
      await new Promise((r) => setTimeout(r, delayMs));
      const file = await exportCsv({ since });
      const inFile = new Set(file.slice(1).map((r) => Number(r[0])));
      const answers = await Promise.all(cancels);
      for (const [i, order] of orders.entries()) {
        outcomes.push({
          order,
          token: tokens[i] ?? "",
          inFile: inFile.has(order.displayId),
          cancel: answers[i]?.status ?? 0,
        });
      }
    }
    for (const { order, token, inFile, cancel } of outcomes) {
      const state = await orderState(token);
      const handed = inFile && state.exported && state.state !== "canceled";
      const cancelledOnly = state.state === "canceled" && !inFile && !state.exported;
      expect({ order: order.displayId, handed, cancelledOnly }).toMatchObject({
        handed: !cancelledOnly,
      });
      // The loser is told: a cancel that came too late is a 409, not a "refunded".
      expect({ order: order.displayId, cancel }).toEqual({
        order: order.displayId,
        cancel: handed ? 409 : 200,
      });
    }
  });
});

interface Progress {
  batches: { number: number; ordered_units: number; shipped_units: number }[];
}

async function shippedUnits(batchNumber: number): Promise<number> {
  const { backendUrl, seeded } = inject("integration");
  const response = await fetch(`${backendUrl}/store/production/progress`, {
    headers: { "x-publishable-api-key": seeded.publishableKey },
  });
  const { batches } = (await response.json()) as Progress;
  return batches.find((x) => x.number === batchNumber)?.shipped_units ?? -1;
}

describe("tracking import from the 3PL", () => {
  let unexported: Placed;
  let file: string;
  let shippedBefore: number;

  beforeAll(async () => {
    shippedBefore = await shippedUnits(batch);
    unexported = await place(phone, 1, "d@example.ch");
    file = [
      "order_number,carrier,tracking_number,shipped_date",
      `${a.displayId},Swiss Post,99.00.111,2027-03-01`,
      `${cancelled.displayId},Swiss Post,99.00.112,2027-03-01`,
      "999999,Swiss Post,99.00.113,2027-03-01",
      `${b.displayId},DHL,JD0001,2027-03-02`,
      `${unexported.displayId},DHL,JD0002,2027-03-02`,
      `${a.displayId},DHL,JD0003,2027-03/02`,
      `${a.displayId},,JD0004,2027-03-02`,
      "",
    ].join("\n");
  });

  it("ships exactly the good rows and reports each bad one with its line and reason", async () => {
    const report = await importTracking(file);
    expect(report.shipped.map((s) => [s.line, s.order_number])).toEqual([
      [2, a.displayId],
      [5, b.displayId],
    ]);
    expect(report.rejected.map((r) => [r.line, r.reason])).toEqual([
      [3, `order ${cancelled.displayId} is cancelled`],
      [4, "unknown order 999999"],
      [6, `order ${unexported.displayId} was never exported to the 3PL`],
      [7, 'malformed shipped date "2027-03/02" (expected YYYY-MM-DD)'],
      [8, "missing carrier"],
    ]);
    const [fa] = await fulfilments(a);
    expect(fa?.shipped_at).toBeTruthy();
    expect(fa?.labels.map((l) => l.tracking_number)).toEqual(["99.00.111"]);
    const [fb] = await fulfilments(b);
    expect(fb?.labels.map((l) => l.tracking_number)).toEqual(["JD0001"]);
    expect(await fulfilments(cancelled)).toEqual([]);
    expect(await fulfilments(unexported)).toEqual([]);
  });

  it("counts the shipped covers on the public progress page: a's 2 and b's 1", async () => {
    expect(await shippedUnits(batch)).toBe(shippedBefore + 3);
  });

  it("tells each buyer once that their order shipped, with carrier and tracking number", async () => {
    const { outboxDir } = inject("integration");
    const shippedTo = async () => {
      const files = await readdir(outboxDir).catch(() => [] as string[]);
      const messages = await Promise.all(
        files.map(
          async (f) =>
            JSON.parse(await readFile(join(outboxDir, f), "utf8")) as {
              template: string;
              order_id: string;
              text: string;
            },
        ),
      );
      return messages.filter(
        (m) => m.template === "order-shipped" && [a.id, b.id].includes(m.order_id),
      );
    };
    const deadline = Date.now() + 20_000;
    while ((await shippedTo()).length < 2 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 250));
    }
    const notices = await shippedTo();
    expect(notices.map((n) => n.order_id).sort()).toEqual([a.id, b.id].sort());
    expect(notices.find((n) => n.order_id === a.id)?.text).toMatch(
      /Swiss Post, tracking number 99\.00\.111/,
    );
    expect(notices.find((n) => n.order_id === b.id)?.text).toMatch(/DHL, tracking number JD0001/);
  });

  it("ships nothing twice when the same file is imported again", async () => {
    const report = await importTracking(file);
    expect(report.shipped).toEqual([]);
    expect(
      report.rejected.filter((r) => r.line === 2 || r.line === 5).map((r) => r.reason),
    ).toEqual([
      `order ${a.displayId} is already shipped (tracking 99.00.111)`,
      `order ${b.displayId} is already shipped (tracking JD0001)`,
    ]);
    expect(await fulfilments(a)).toHaveLength(1);
    expect(await fulfilments(b)).toHaveLength(1);
  });

  it.each([
    [
      "a file without the needed columns",
      "order,carrier\n1,DHL\n",
      /lacks tracking_number, shipped_date/,
    ],
    [
      "an unclosed quote",
      'order_number,carrier,tracking_number,shipped_date\n"1,DHL,T,2027-01-01\n',
      /never closed/,
    ],
  ])("refuses %s as a whole with a 400", async (_name, body, message) => {
    const response = await admin.fetch("/admin/ops/tracking", {
      method: "POST",
      headers: { "content-type": "text/plain" },
      body,
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { message: string }).message).toMatch(message);
  });
});

describe("two tracking imports of the same file at once", () => {
  it("ship each order exactly once between them", async () => {
    const c = await place(laptop, 1, "e@example.ch");
    const d = await place(phone, 2, "f@example.ch");
    await exportCsv();
    const file = [
      "order_number,carrier,tracking_number,shipped_date",
      `${c.displayId},Swiss Post,99.00.201,2027-03-03`,
      `${d.displayId},Swiss Post,99.00.202,2027-03-03`,
      "",
    ].join("\n");
    const reports = await Promise.all([importTracking(file), importTracking(file)]);
    const shipped = reports.flatMap((r) => r.shipped.map((x) => x.order_number)).sort();
    expect(shipped).toEqual([c.displayId, d.displayId].sort());
    const rejected = reports.flatMap((r) => r.rejected.map((x) => x.reason));
    expect(rejected).toHaveLength(2);
    for (const reason of rejected) expect(reason).toMatch(/is already shipped/);
    expect(await fulfilments(c)).toHaveLength(1);
    expect(await fulfilments(d)).toHaveLength(1);
  });
});
