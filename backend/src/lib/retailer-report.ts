import type { MedusaContainer } from "@medusajs/framework/types";
import { ContainerRegistrationKeys } from "@medusajs/framework/utils";
import type { Knex } from "@mikro-orm/knex";
import { csvRow } from "./csv";
import { type AttributedOrder, attributedOrders } from "./retailer-orders";
import { reviewFlags } from "./retailer-review";

/** One order a retailer brought, as its commission statement lists it. */
export interface RetailerOrderLine {
  order_id: string;
  display_id: number;
  created_at: string;
  status: string;
  currency_code: string;
  origin: string;
  /** The order's items after discounts, without tax or shipping, as placed. */
  items_net: number;
  /** The part of `items_net` whose units came back (received, or received damaged). */
  returned_net: number;
  /** The part of `items_net` whose units the buyer asked to return and are not back yet. */
  return_pending_net: number;
  /** On what was kept: items_net − returned − pending; 0 for a cancelled order. */
  commission: number;
  /** The keyed hash of the client the crediting token was issued to ("" when none). */
  client: string;
  /** What the maker should look at before paying (see retailer-review.ts). */
  review: string[];
}

const round2 = (n: number) => Math.round(n * 100) / 100;

interface OrderItemTotals {
  quantity?: unknown;
  total?: unknown;
  tax_total?: unknown;
  return_received_total?: unknown;
  return_dismissed_total?: unknown;
  tax_lines?: ({ rate?: unknown } | null)[] | null;
  detail?: {
    return_requested_quantity?: unknown;
    return_received_quantity?: unknown;
    return_dismissed_quantity?: unknown;
  } | null;
}

/**
 * One line's net (after discounts, without tax) as placed, returned and asked back. Medusa's
 * line totals count only the units kept (its totals leave out what came back), so the net of a
 * unit is the kept net over the kept units; a line that came back whole has no kept unit, and
 * its unit is Medusa's per-unit total of what was received, without the line's tax.
 */
export function lineNet(item: OrderItemTotals) {
  const quantity = Number(item.quantity ?? 0);
  const received =
    Number(item.detail?.return_received_quantity ?? 0) +
    Number(item.detail?.return_dismissed_quantity ?? 0);
  const requested = Number(item.detail?.return_requested_quantity ?? 0);
  const kept = quantity - received;
  let unit = 0;
  if (kept > 0) {
    unit = (Number(item.total ?? 0) - Number(item.tax_total ?? 0)) / kept;
  } else if (received > 0) {
    const rate = (item.tax_lines ?? []).reduce((s, l) => s + Number(l?.rate ?? 0), 0) / 100;
    const gross =
      Number(item.return_received_total ?? 0) + Number(item.return_dismissed_total ?? 0);
    unit = gross / received / (1 + rate);
  }
  return { net: unit * quantity, returned: unit * received, pending: unit * requested };
}

/** Medusa's totals for the attributed orders, with the commission at `commissionBps`. */
export async function retailerOrderLines(
  container: MedusaContainer,
  filter: { retailerId: string; from?: Date | undefined; to?: Date | undefined },
  commissionBps: number,
): Promise<RetailerOrderLine[]> {
  const pg: Knex = container.resolve(ContainerRegistrationKeys.PG_CONNECTION);
  const attributed = await attributedOrders(pg, filter);
  if (attributed.length === 0) return [];
  const byOrder = new Map<string, AttributedOrder>(attributed.map((a) => [a.order_id, a]));
  const flags = reviewFlags(attributed);
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
      "items.id",
      "items.quantity",
      "items.total",
      "items.tax_total",
      "items.return_received_total",
      "items.return_dismissed_total",
      "items.tax_lines.rate",
      "items.detail.return_requested_quantity",
      "items.detail.return_received_quantity",
      "items.detail.return_dismissed_quantity",
    ],
    filters: { id: [...byOrder.keys()] },
  });
  return data
    .map((order) => {
      let net = 0;
      let returned = 0;
      let pending = 0;
      for (const item of (order.items ?? []) as OrderItemTotals[]) {
        const line = lineNet(item);
        net += line.net;
        returned += line.returned;
        pending += line.pending;
      }
      const canceled = order.status === "canceled";
      const kept = Math.max(0, round2(net) - round2(returned) - round2(pending));
      const attribution = byOrder.get(order.id);
      return {
        order_id: order.id,
        display_id: Number(order.display_id),
        created_at: new Date(order.created_at as string | Date).toISOString(),
        status: String(order.status),
        currency_code: String(order.currency_code),
        origin: attribution?.origin ?? "",
        items_net: round2(net),
        returned_net: round2(returned),
        return_pending_net: round2(pending),
        commission: canceled ? 0 : round2((kept * commissionBps) / 10_000),
        client: attribution?.client_hash ?? "",
        review: flags.get(order.id) ?? [],
      };
    })
    .sort((a, b) => a.created_at.localeCompare(b.created_at));
}

export interface CurrencyTotals {
  orders: number;
  items_net: number;
  returned_net: number;
  return_pending_net: number;
  commission: number;
}

/** Sums per currency of the orders that count (not cancelled). */
export function totalsByCurrency(lines: RetailerOrderLine[]) {
  const totals: Record<string, CurrencyTotals> = {};
  for (const line of lines) {
    if (line.status === "canceled") continue;
    const t = totals[line.currency_code] ?? {
      orders: 0,
      items_net: 0,
      returned_net: 0,
      return_pending_net: 0,
      commission: 0,
    };
    totals[line.currency_code] = t;
    t.orders += 1;
    t.items_net = round2(t.items_net + line.items_net);
    t.returned_net = round2(t.returned_net + line.returned_net);
    t.return_pending_net = round2(t.return_pending_net + line.return_pending_net);
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
  "returned",
  "return_pending",
  "commission_rate",
  "commission",
  "origin",
  "client",
  "review",
] as const;

/**
 * The commission statement: one row per order, then one total row per currency. Commission is
 * paid on what was kept: returned units and units asked back but not received yet earn none.
 */
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
      l.returned_net.toFixed(2),
      l.return_pending_net.toFixed(2),
      rate,
      l.commission.toFixed(2),
      l.origin,
      l.client,
      l.review.join(" "),
    ]);
  }
  for (const [currency, t] of Object.entries(totalsByCurrency(lines))) {
    csv += csvRow([
      "total",
      "",
      `${t.orders} orders`,
      currency.toUpperCase(),
      t.items_net.toFixed(2),
      t.returned_net.toFixed(2),
      t.return_pending_net.toFixed(2),
      rate,
      t.commission.toFixed(2),
      "",
      "",
      "",
    ]);
  }
  return csv;
}
