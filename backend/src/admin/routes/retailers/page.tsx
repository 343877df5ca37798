import { defineRouteConfig } from "@medusajs/admin-sdk";
import { Badge, Container, Heading, Input, Table, Text } from "@medusajs/ui";
import { useEffect, useId, useState } from "react";
import type { RetailerReview as Review } from "../../../lib/retailer-review";

interface Totals {
  orders: number;
  items_net: number;
  returned_net: number;
  return_pending_net: number;
  commission: number;
}

const FLAG_MEANING: Record<string, string> = {
  "no-token": "credited before tokens were recorded",
  "not-a-browser": "token issued to a client that is no browser",
  "other-client": "token issued to one address, spent from another",
  "bulk-client": "one address was issued the tokens of many orders",
};

interface Retailer {
  id: string;
  handle: string;
  name: string;
  allowed_origins: string[];
  commission_bps: number;
  totals: Record<string, Totals>;
  review: Review;
  orders: {
    order_id: string;
    display_id: number;
    created_at: string;
    status: string;
    currency_code: string;
    items_net: number;
    returned_net: number;
    return_pending_net: number;
    commission: number;
    origin: string;
    review: string[];
  }[];
}

const percent = (part: number, whole: number) =>
  whole === 0 ? "–" : `${Math.round((part / whole) * 100)} %`;

/** The signals for one retailer: counts, where its orders came from, and what looks odd. */
function ReviewSummary({ review }: { review: Review }) {
  const flags = Object.entries(review.flagged).filter(([, n]) => n > 0);
  return (
    <div className="flex flex-col gap-y-1" data-testid="retailer-review">
      <Text>
        {review.tokens_issued} tokens issued · {review.carts_credited} carts credited ·{" "}
        {review.orders} orders · {review.cancelled_or_returned} cancelled or returned (
        {percent(review.cancelled_or_returned, review.orders)})
      </Text>
      {review.orders_by_origin.length > 0 && (
        <Text className="text-ui-fg-subtle">
          Orders by origin:{" "}
          {review.orders_by_origin.map((o) => `${o.origin} ${o.orders}`).join(" · ")}
          {review.top_client &&
            ` · most from one client address: ${review.top_client.orders} (${percent(
              review.top_client.orders,
              review.orders,
            )})`}
        </Text>
      )}
      {flags.map(([flag, n]) => (
        <Text key={flag} className="text-ui-fg-error">
          {n} {n === 1 ? "order" : "orders"} {flag}: {FLAG_MEANING[flag] ?? flag}
        </Text>
      ))}
    </div>
  );
}

const money = (amount: number, currency: string) =>
  new Intl.NumberFormat("en", { style: "currency", currency: currency.toUpperCase() }).format(
    amount,
  );

function firstOfMonth(): string {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1)).toISOString().slice(0, 10);
}

function RetailerCard({ retailer }: { retailer: Retailer }) {
  const id = useId();
  const [from, setFrom] = useState(firstOfMonth);
  const [to, setTo] = useState(() => new Date().toISOString().slice(0, 10));
  return (
    <div className="flex flex-col gap-y-3 px-6 py-4" data-testid={`retailer-${retailer.handle}`}>
      <div className="flex items-center gap-x-3">
        <Heading level="h2">{retailer.name}</Heading>
        <Badge>{retailer.handle}</Badge>
        <Text className="text-ui-fg-subtle">
          {retailer.commission_bps / 100}% commission · {retailer.allowed_origins.join(", ")}
        </Text>
      </div>
      <div className="flex gap-x-6">
        {Object.entries(retailer.totals).map(([currency, t]) => (
          <Text key={currency}>
            {t.orders} orders · {money(t.items_net, currency)} items ·{" "}
            {money(t.returned_net, currency)} returned · {money(t.return_pending_net, currency)}{" "}
            return pending · {money(t.commission, currency)} commission
          </Text>
        ))}
        {Object.keys(retailer.totals).length === 0 && (
          <Text className="text-ui-fg-subtle">No orders yet.</Text>
        )}
      </div>
      <ReviewSummary review={retailer.review} />
      {retailer.orders.length > 0 && (
        <Table>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell>Order</Table.HeaderCell>
              <Table.HeaderCell>Placed</Table.HeaderCell>
              <Table.HeaderCell>Status</Table.HeaderCell>
              <Table.HeaderCell>Items (net)</Table.HeaderCell>
              <Table.HeaderCell>Returned</Table.HeaderCell>
              <Table.HeaderCell>Return pending</Table.HeaderCell>
              <Table.HeaderCell>Commission</Table.HeaderCell>
              <Table.HeaderCell>From</Table.HeaderCell>
              <Table.HeaderCell>Review</Table.HeaderCell>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {retailer.orders.map((o) => (
              <Table.Row key={o.order_id}>
                <Table.Cell>
                  <a className="text-ui-fg-interactive" href={`/app/orders/${o.order_id}`}>
                    #{o.display_id}
                  </a>
                </Table.Cell>
                <Table.Cell>{o.created_at.slice(0, 10)}</Table.Cell>
                <Table.Cell>{o.status}</Table.Cell>
                <Table.Cell>{money(o.items_net, o.currency_code)}</Table.Cell>
                <Table.Cell>{money(o.returned_net, o.currency_code)}</Table.Cell>
                <Table.Cell>{money(o.return_pending_net, o.currency_code)}</Table.Cell>
                <Table.Cell>{money(o.commission, o.currency_code)}</Table.Cell>
                <Table.Cell>{o.origin}</Table.Cell>
                <Table.Cell>{o.review.join(", ")}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
      <div className="flex items-end gap-x-3">
        <div className="flex flex-col gap-y-1">
          <label htmlFor={`${id}-from`} className="txt-compact-small">
            From
          </label>
          <Input
            id={`${id}-from`}
            type="date"
            value={from}
            onChange={(e) => setFrom(e.target.value)}
          />
        </div>
        <div className="flex flex-col gap-y-1">
          <label htmlFor={`${id}-to`} className="txt-compact-small">
            To (included)
          </label>
          <Input id={`${id}-to`} type="date" value={to} onChange={(e) => setTo(e.target.value)} />
        </div>
        <a
          className="txt-compact-small text-ui-fg-interactive"
          href={`/admin/retailers/${retailer.id}/statement.csv?from=${from}&to=${to}`}
          download={`camslide-commission-${retailer.handle}-${from}-${to}.csv`}
        >
          Commission statement (CSV)
        </a>
      </div>
    </div>
  );
}

/** Retailers: the orders and revenue each one's widget brought, and commission statements. */
const RetailersPage = () => {
  const [retailers, setRetailers] = useState<Retailer[] | undefined>();
  const [error, setError] = useState<string | undefined>();
  useEffect(() => {
    fetch("/admin/retailers", { credentials: "include" })
      .then(async (response) => {
        const json = (await response.json()) as { retailers?: Retailer[]; message?: string };
        if (!response.ok) throw new Error(json.message ?? `HTTP ${response.status}`);
        setRetailers(json.retailers ?? []);
      })
      .catch((reason: unknown) =>
        setError(reason instanceof Error ? reason.message : String(reason)),
      );
  }, []);
  return (
    <Container className="divide-y p-0">
      <div className="px-6 py-4">
        <Heading level="h1">Retailers</Heading>
        <Text className="text-ui-fg-subtle">
          Orders placed through each retailer's widget, from its registered origins only. Commission
          is paid on the items kept: returned units, and units asked back but not received yet, earn
          none.
        </Text>
        <Text className="text-ui-fg-subtle">
          A credit is a claim, not proof: the shop checks the Origin header a browser sends, but any
          other client can send any Origin. Review a retailer's counts and flags before paying.
        </Text>
      </div>
      {error && <Text className="px-6 py-4 text-ui-fg-error">{error}</Text>}
      {retailers?.map((r) => (
        <RetailerCard key={r.id} retailer={r} />
      ))}
    </Container>
  );
};

export const config = defineRouteConfig({ label: "Retailers" });

export default RetailersPage;
