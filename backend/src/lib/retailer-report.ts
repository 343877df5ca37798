import type { MedusaContainer } from "@medusajs/framework/types";
import { ContainerRegistrationKeys } from "@medusajs/framework/utils";
import type { Knex } from "@mikro-orm/knex";
import { csvRow } from "./csv";
import { attributedOrders } from "./retailer-orders";

/** One order a retailer brought, as its commission statement lists it. */
export interface RetailerOrderLine {
  order_id: string;
  display_id: number;
  created_at: string;
  status: string;
  currency_code: string;
  origin: string;
  /** The order's items after discounts, without tax or shipping: what commission is paid on. */
  items_net: number;
  /** 0 for a cancelled order. */
  commission: number;
}

const round2 = (n: number) => Math.round(n * 100) / 100;

/** Medusa's totals for the attributed orders, with the commission at `commissionBps`. */
export async function retailerOrderLines(
  container: MedusaContainer,
  filter: { retailerId: string; from?: Date | undefined; to?: Date | undefined },
  commissionBps: number,
): Promise<RetailerOrderLine[]> {
  const pg: Knex = container.resolve(ContainerRegistrationKeys.PG_CONNECTION);
  const attributed = await attributedOrders(pg, filter);
  if (attributed.length === 0) return [];
  const origins = new Map(attributed.map((a) => [a.order_id, a.origin]));
  const query = container.resolve(ContainerRegistrationKeys.QUERY);
  const { data } = await query.graph({
    entity: "order",
    fields: [
      "id",
      "display_id",
      "created_at",
      "status",
      "currency_code",
      "item_total",
      "item_tax_total",
    ],
    filters: { id: [...origins.keys()] },
  });
  return data
    .map((order) => {
      const itemsNet = round2(Number(order.item_total ?? 0) - Number(order.item_tax_total ?? 0));
      const canceled = order.status === "canceled";
      return {
        order_id: order.id,
        display_id: Number(order.display_id),
        created_at: new Date(order.created_at as string | Date).toISOString(),
        status: String(order.status),
        currency_code: String(order.currency_code),
        origin: origins.get(order.id) ?? "",
        items_net: itemsNet,
        commission: canceled ? 0 : round2((itemsNet * commissionBps) / 10_000),
      };
    })
    .sort((a, b) => a.created_at.localeCompare(b.created_at));
}

/** Sums per currency of the orders that count (not cancelled). */
export function totalsByCurrency(lines: RetailerOrderLine[]) {
  const totals: Record<string, { orders: number; items_net: number; commission: number }> = {};
  for (const line of lines) {
    if (line.status === "canceled") continue;
    const t = totals[line.currency_code] ?? { orders: 0, items_net: 0, commission: 0 };
    totals[line.currency_code] = t;
    t.orders += 1;
    t.items_net = round2(t.items_net + line.items_net);
    t.commission = round2(t.commission + line.commission);
  }
  return totals;
}

export const STATEMENT_HEADER = [
  "order_number",
  "placed_at",
  "status",
  "currency",
  "items_net",
  "commission_rate",
  "commission",
  "origin",
] as const;

/** The commission statement: one row per order, then one total row per currency. */
export function statementCsv(lines: RetailerOrderLine[], commissionBps: number): string {
  const rate = `${commissionBps / 100}%`;
  let csv = csvRow(STATEMENT_HEADER);
  for (const l of lines) {
    csv += csvRow([
      l.display_id,
      l.created_at,
      l.status,
      l.currency_code.toUpperCase(),
      l.items_net.toFixed(2),
      rate,
      l.commission.toFixed(2),
      l.origin,
    ]);
  }
  for (const [currency, t] of Object.entries(totalsByCurrency(lines))) {
    csv += csvRow([
      "total",
      "",
      `${t.orders} orders`,
      currency.toUpperCase(),
      t.items_net.toFixed(2),
      rate,
      t.commission.toFixed(2),
      "",
    ]);
  }
  return csv;
}
