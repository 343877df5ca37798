import { defineRouteConfig } from "@medusajs/admin-sdk";
import { Badge, Container, Heading, Input, Table, Text } from "@medusajs/ui";
import { useEffect, useId, useState } from "react";

interface Totals {
  orders: number;
  items_net: number;
  commission: number;
}

interface Retailer {
  id: string;
  handle: string;
  name: string;
  allowed_origins: string[];
  commission_bps: number;
  totals: Record<string, Totals>;
  orders: {
    order_id: string;
    display_id: number;
    created_at: string;
    status: string;
    currency_code: string;
    items_net: number;
    commission: number;
    origin: string;
  }[];
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
            {money(t.commission, currency)} commission
          </Text>
        ))}
        {Object.keys(retailer.totals).length === 0 && (
          <Text className="text-ui-fg-subtle">No orders yet.</Text>
        )}
      </div>
      {retailer.orders.length > 0 && (
        <Table>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell>Order</Table.HeaderCell>
              <Table.HeaderCell>Placed</Table.HeaderCell>
              <Table.HeaderCell>Status</Table.HeaderCell>
              <Table.HeaderCell>Items (net)</Table.HeaderCell>
              <Table.HeaderCell>Commission</Table.HeaderCell>
              <Table.HeaderCell>From</Table.HeaderCell>
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
                <Table.Cell>{money(o.commission, o.currency_code)}</Table.Cell>
                <Table.Cell>{o.origin}</Table.Cell>
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
          Orders placed through each retailer's widget, from its registered origins only.
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
