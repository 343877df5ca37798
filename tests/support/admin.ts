import { join } from "node:path";
import { inject } from "vitest";
import { medusa } from "../../scripts/lib/backend.ts";

export interface AdminClient {
  token: string;
  /** A call to the admin API; the raw Response, for streams and error statuses. */
  fetch(path: string, init?: RequestInit): Promise<Response>;
  json<T>(path: string, init?: RequestInit): Promise<T>;
}

/** An operator's admin account, made the way an operator makes one (`medusa user`). */
export async function adminClient(email: string): Promise<AdminClient> {
  const { backendUrl, medusaEnv, logDir } = inject("integration");
  const password = "a-long-test-password";
  await medusa(["user", "-e", email, "-p", password], medusaEnv, join(logDir, `user-${email}.log`));
  const login = await fetch(`${backendUrl}/auth/user/emailpass`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password }),
  });
  const { token } = (await login.json()) as { token: string };
  const call = (path: string, init: RequestInit = {}) =>
    fetch(`${backendUrl}${path}`, {
      ...init,
      headers: {
        authorization: `Bearer ${token}`,
        "content-type": "application/json",
        ...(init.headers as Record<string, string> | undefined),
      },
    });
  return {
    token,
    fetch: call,
    async json<T>(path: string, init?: RequestInit) {
      const response = await call(path, init);
      if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
      return (await response.json()) as T;
    },
  };
}

interface InventoryLevels {
  inventory_items: {
    id: string;
    location_levels: { location_id: string; stocked_quantity: number; reserved_quantity: number }[];
  }[];
}

async function stockLevel(admin: AdminClient, wanted: string) {
  const { inventory_items } = await admin.json<InventoryLevels>(
    `/admin/inventory-items?sku=${wanted}&fields=id,*location_levels`,
  );
  const item = inventory_items[0];
  const level = item?.location_levels[0];
  if (!item || !level) throw new Error(`no inventory level for ${wanted}`);
  return {
    level,
    path: `/admin/inventory-items/${item.id}/location-levels/${level.location_id}`,
  };
}

/**
 * Sets a variant's stock at its location through the admin API (`stocked` gets the units
 * reserved now); returns a function that gives back what was available before, whatever the
 * test's orders reserved meanwhile, so later tests find the stock they expect.
 */
export async function setStock(
  admin: AdminClient,
  wanted: string,
  stocked: (reserved: number) => number,
): Promise<() => Promise<void>> {
  const before = await stockLevel(admin, wanted);
  const post = (stocked_quantity: number) =>
    admin.json(before.path, { method: "POST", body: JSON.stringify({ stocked_quantity }) });
  await post(stocked(before.level.reserved_quantity));
  return async () => {
    const now = await stockLevel(admin, wanted);
    const reservedSince = now.level.reserved_quantity - before.level.reserved_quantity;
    await post(before.level.stocked_quantity + Math.max(0, reservedSince));
  };
}
