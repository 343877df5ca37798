import { beforeAll, describe, expect, inject, it } from "vitest";
import { plannedShipsBy, productionPlan, sku } from "../../src/product/index.ts";
import { adminClient } from "../support/admin.ts";
import { readyCart, regionId, storeClient, variantIdBySku } from "../support/store.ts";

const { backendUrl } = inject("integration");

interface Batch {
  id: string;
  number: number;
  capacity_units: number;
  allocated_units: number;
  produced_units: number;
  ships_by: string;
  state: string;
}

let token = "";

async function admin<T>(path: string, body?: unknown): Promise<{ status: number; json: T }> {
  const response = await fetch(`${backendUrl}${path}`, {
    method: body === undefined ? "GET" : "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: response.status, json: (await response.json()) as T };
}

async function batches(): Promise<Batch[]> {
  return (await admin<{ batches: Batch[] }>("/admin/production/batches")).json.batches;
}

async function store<T>(path: string): Promise<T> {
  const { seeded } = inject("integration");
  const response = await fetch(`${backendUrl}${path}`, {
    headers: { "x-publishable-api-key": seeded.publishableKey },
  });
  return (await response.json()) as T;
}

beforeAll(async () => {
  token = (await adminClient("ops@example.ch")).token;
});

describe("production batches and the ship-by promise", () => {
  it("seeds the plan's first batches with their dates", async () => {
    const seeded = await batches();
    expect(
      seeded
        .slice(0, productionPlan.seededBatches)
        .map((b) => [b.number, b.capacity_units, b.ships_by.slice(0, 10)]),
    ).toEqual(
      Array.from({ length: productionPlan.seededBatches }, (_, i) => [
        i + 1,
        productionPlan.batchCapacityUnits,
        plannedShipsBy(i + 1),
      ]),
    );
  });

  it("never overfills a batch when concurrent orders race for its last units", async () => {
    const sdk = storeClient();
    const region = await regionId(sdk, "ch");
    const variant = await variantIdBySku(sdk, region, sku("phone", "black"));
    const [first] = await batches();
    if (!first) throw new Error("no batch");
    const room = 3;
    const set = await admin(`/admin/production/batches/${first.id}`, {
      capacity_units: first.allocated_units + room,
    });
    expect(set.status).toBe(200);
    const promise = await store<{ batch: { number: number } }>("/store/production/promise?units=1");
    expect(promise.batch.number).toBe(first.number);

    const carts = await Promise.all(
      Array.from({ length: 2 * room }, (_, i) =>
        readyCart(sdk, region, variant, 1, `race${i}@example.ch`),
      ),
    );
    const results = await Promise.all(carts.map((id) => sdk.store.cart.complete(id)));
    const orderIds = results.map((r) => (r.type === "order" ? r.order.id : ""));
    expect(orderIds.every(Boolean)).toBe(true);

    const given = await Promise.all(
      orderIds.map((id) => store<{ batch: { number: number } }>(`/store/production/orders/${id}`)),
    );
    const numbers = given.map((g) => g.batch.number);
    expect(numbers.filter((n) => n === first.number)).toHaveLength(room);
    expect(numbers.filter((n) => n === first.number + 1)).toHaveLength(room);
    const after = (await batches()).find((b) => b.id === first.id);
    expect(after?.allocated_units).toBe(after?.capacity_units);
    expect(after?.state).toBe("full");
    for (const batch of await batches()) {
      expect(batch.allocated_units).toBeLessThanOrEqual(batch.capacity_units);
    }
  });

  it("completing the same cart again takes no more capacity", async () => {
    const sdk = storeClient();
    const region = await regionId(sdk, "ch");
    const variant = await variantIdBySku(sdk, region, sku("tablet", "white"));
    const cart = await readyCart(sdk, region, variant, 2);
    const before = (await batches()).reduce((sum, b) => sum + b.allocated_units, 0);
    const [a, b] = await Promise.all([
      sdk.store.cart.complete(cart),
      sdk.store.cart.complete(cart),
    ]);
    expect(a.type === "order" && b.type === "order" && a.order.id === b.order.id).toBe(true);
    const after = (await batches()).reduce((sum, batch) => sum + batch.allocated_units, 0);
    expect(after - before).toBe(2);
  });

  it("gives the units back when the order then fails (stock ran out), so nothing is promised twice", async () => {
    const sdk = storeClient();
    const region = await regionId(sdk, "ch");
    const wanted = sku("monitor", "sky-blue");
    const variant = await variantIdBySku(sdk, region, wanted);
    const cart = await readyCart(sdk, region, variant, 2);
    const { json } = await admin<{
      inventory_items: {
        id: string;
        location_levels: { location_id: string; stocked_quantity: number }[];
      }[];
    }>(`/admin/inventory-items?sku=${wanted}&fields=id,*location_levels`);
    const item = json.inventory_items[0];
    const level = item?.location_levels[0];
    if (!item || !level) throw new Error("no inventory level");
    const path = `/admin/inventory-items/${item.id}/location-levels/${level.location_id}`;
    await admin(path, { stocked_quantity: 1 });
    try {
      const before = (await batches()).reduce((sum, b) => sum + b.allocated_units, 0);
      await expect(sdk.store.cart.complete(cart)).rejects.toThrow();
      const after = (await batches()).reduce((sum, b) => sum + b.allocated_units, 0);
      expect(after).toBe(before);
    } finally {
      await admin(path, { stocked_quantity: level.stocked_quantity });
    }
  });

  it("refuses a capacity below the units already promised", async () => {
    const [first] = await batches();
    const refused = await admin<{ message: string }>(`/admin/production/batches/${first?.id}`, {
      capacity_units: Math.max(0, (first?.allocated_units ?? 1) - 1),
    });
    expect(refused.status).toBe(400);
    expect(refused.json.message).toMatch(/cannot go below/);
    const bad = await admin<{ message: string }>(`/admin/production/batches/${first?.id}`, {
      ships_by: "next week",
    });
    expect(bad.status).toBe(400);
  });

  it("shows the units the maker reports as made on the public progress page, within capacity", async () => {
    const [first] = await batches();
    const made = Math.min(first?.capacity_units ?? 0, 7);
    const ok = await admin(`/admin/production/batches/${first?.id}`, { produced_units: made });
    expect(ok.status).toBe(200);
    const progress = await store<{ batches: { number: number; produced_units: number }[] }>(
      "/store/production/progress",
    );
    expect(progress.batches.find((b) => b.number === first?.number)?.produced_units).toBe(made);
    for (const produced_units of [(first?.capacity_units ?? 0) + 1, -1, 2.5, "7"]) {
      const refused = await admin(`/admin/production/batches/${first?.id}`, { produced_units });
      expect(refused.status).toBe(400);
    }
    const [after] = await batches();
    expect(after?.produced_units).toBe(made);
  });

  it("opens the plan's next batch when every batch is full, with the planned date", async () => {
    for (const batch of await batches()) {
      await admin(`/admin/production/batches/${batch.id}`, {
        capacity_units: batch.allocated_units,
      });
    }
    const full = await batches();
    const next = Math.max(...full.map((b) => b.number)) + 1;
    const quote = await store<{ batch: { number: number; ships_by: string } }>(
      "/store/production/promise?units=1",
    );
    expect(quote.batch).toEqual({ number: next, ships_by: plannedShipsBy(next) });
    const sdk = storeClient();
    const region = await regionId(sdk, "ch");
    const variant = await variantIdBySku(sdk, region, sku("laptop", "silver"));
    const done = await sdk.store.cart.complete(await readyCart(sdk, region, variant, 1));
    expect(done.type).toBe("order");
    const opened = (await batches()).find((b) => b.number === next);
    expect(opened?.ships_by.slice(0, 10)).toBe(plannedShipsBy(next));
    expect(opened?.allocated_units).toBe(1);
    // Give the other tests room again.
    for (const batch of await batches()) {
      await admin(`/admin/production/batches/${batch.id}`, {
        capacity_units: productionPlan.batchCapacityUnits,
      });
    }
  });
});
