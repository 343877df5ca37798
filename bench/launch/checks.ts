/**
 * What the launch benchmark checks in the shop's database after the run: every accepted
 * checkout became exactly one order (none lost, none doubled, none still queued or failed),
 * every order has an authorised payment for exactly its total (in the currency's precision) and
 * a batch, every line's reservation is for exactly its quantity, no batch holds more than its
 * capacity, no stock is oversold.
 */
import pg from "pg";

export interface LaunchChecks {
  accepted: number;
  orders: number;
  duplicated: number;
  lost: number;
  /** Accepted intakes not yet made into orders when the run stopped waiting: a failure too. */
  stillQueued: number;
  /** Accepted checkouts whose intake failed for good (the shopper was told after accepting). */
  intakesFailed: number;
  cartsWithTwoOrders: number;
  ordersWithoutBatch: number;
  linesWithoutReservation: number;
  /** Lines whose reserved units differ from the units ordered. */
  linesWhoseReservationDisagrees: number;
  intakesPointingAtAnotherOrder: number;
  ordersWithoutAuthorisedPayment: number;
  /**
   * Orders whose payment collection or authorised payments differ from the order's total
   * rounded to its currency's precision (or carry more decimals than the currency has).
   */
  ordersWhosePaymentDisagrees: number;
  /** A few of them, to read. */
  paymentDisagreements: { order_id: string; total: number; collection: number; paid: number }[];
  batchesOverCapacity: number;
  batchesWhoseCountDisagrees: number;
  variantsOversold: number;
  intakes?: Record<string, number>;
  batches: { number: number; capacity: number; allocated: number; state: string }[];
  ok: boolean;
}

export async function runChecks(
  databaseUrl: string,
  runTag: string,
  acceptedEmails: Set<string>,
): Promise<LaunchChecks> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const pattern = `%.${runTag}@bench.camslide.test`;
    const one = async (text: string, values: unknown[] = []) =>
      Number((await client.query<{ n: string }>(text, values)).rows[0]?.n ?? 0);
    const runOrders = `SELECT o.id, o.email, o.version FROM "order" o WHERE o.email LIKE $1 AND o.deleted_at IS NULL`;
    const emails = (await client.query<{ email: string }>(`${runOrders}`, [pattern])).rows.map(
      (row) => row.email,
    );
    const distinct = new Set(emails);
    const missing = [...acceptedEmails].filter((email) => !distinct.has(email));
    const batches = (
      await client.query<{
        number: number;
        capacity: number;
        allocated: number;
        state: string;
        summed: string;
      }>(
        `SELECT b.number, b.capacity_units AS capacity, b.allocated_units AS allocated, b.state,
                (SELECT coalesce(sum(a.units), 0) FROM batch_allocation a
                  WHERE a.batch_id = b.id AND a.deleted_at IS NULL) AS summed
           FROM production_batch b WHERE b.deleted_at IS NULL ORDER BY b.number`,
      )
    ).rows;
    const intakeTable = await one(
      "SELECT count(*) AS n FROM information_schema.tables WHERE table_name = 'checkout_intake'",
    );
    const intakes = intakeTable
      ? Object.fromEntries(
          (
            await client.query<{ status: string; n: string }>(
              "SELECT status, count(*) AS n FROM checkout_intake WHERE email LIKE $1 GROUP BY status",
              [pattern],
            )
          ).rows.map((row) => [row.status, Number(row.n)]),
        )
      : undefined;
    // An order whose intake is still converting is mid-workflow (its payment link or batch may
    // follow a moment later): judge only settled orders on those.
    const settledOrders = intakeTable
      ? `${runOrders} AND NOT EXISTS (SELECT 1 FROM checkout_intake i
           WHERE i.email = o.email AND i.status = 'converting')`
      : runOrders;
    const queued = intakeTable
      ? new Set(
          (
            await client.query<{ email: string }>(
              `SELECT email FROM checkout_intake
                WHERE email LIKE $1 AND status IN ('pending', 'converting')`,
              [pattern],
            )
          ).rows.map((row) => row.email),
        )
      : new Set<string>();
    const stillQueued = missing.filter((email) => queued.has(email)).length;
    const payments = await paymentDisagreements(client, settledOrders, pattern);
    const result: LaunchChecks = {
      accepted: acceptedEmails.size,
      orders: emails.length,
      duplicated: emails.length - distinct.size,
      lost: missing.length - stillQueued,
      stillQueued,
      intakesFailed: intakes?.failed ?? 0,
      cartsWithTwoOrders: await one(
        `SELECT count(*) AS n FROM (SELECT cart_id FROM order_cart WHERE deleted_at IS NULL
          GROUP BY cart_id HAVING count(*) > 1) twice`,
      ),
      ordersWithoutBatch: await one(
        `SELECT count(*) AS n FROM (${settledOrders}) o
           LEFT JOIN order_cart oc ON oc.order_id = o.id AND oc.deleted_at IS NULL
           LEFT JOIN batch_allocation a ON a.deleted_at IS NULL
                 AND (a.order_id = o.id OR a.cart_id = oc.cart_id)
          WHERE a.id IS NULL`,
        [pattern],
      ),
      intakesPointingAtAnotherOrder: intakeTable
        ? await one(
            `SELECT count(*) AS n FROM checkout_intake i JOIN "order" o ON o.id = i.order_id
              WHERE i.email LIKE $1 AND o.email IS DISTINCT FROM i.email`,
            [pattern],
          )
        : 0,
      linesWithoutReservation: await one(
        `SELECT count(*) AS n FROM (${settledOrders}) o
           JOIN order_item oi ON oi.order_id = o.id AND oi.version = o.version AND oi.deleted_at IS NULL
          WHERE NOT EXISTS (SELECT 1 FROM reservation_item r
                             WHERE r.line_item_id = oi.item_id AND r.deleted_at IS NULL)`,
        [pattern],
      ),
      linesWhoseReservationDisagrees: await one(
        `SELECT count(*) AS n FROM (${settledOrders}) o
           JOIN order_item oi ON oi.order_id = o.id AND oi.version = o.version AND oi.deleted_at IS NULL
           JOIN (SELECT line_item_id, sum(quantity) AS reserved FROM reservation_item
                  WHERE deleted_at IS NULL GROUP BY line_item_id) r ON r.line_item_id = oi.item_id
          WHERE r.reserved <> oi.quantity`,
        [pattern],
      ),
      ordersWhosePaymentDisagrees: payments.count,
      paymentDisagreements: payments.examples,
      ordersWithoutAuthorisedPayment: await one(
        `SELECT count(*) AS n FROM (${settledOrders}) o
           LEFT JOIN order_payment_collection opc ON opc.order_id = o.id AND opc.deleted_at IS NULL
           LEFT JOIN payment_collection pc ON pc.id = opc.payment_collection_id
          WHERE pc.id IS NULL OR pc.status NOT IN ('authorized', 'completed')`,
        [pattern],
      ),
      batchesOverCapacity: batches.filter((b) => b.allocated > b.capacity).length,
      batchesWhoseCountDisagrees: batches.filter((b) => Number(b.summed) !== b.allocated).length,
      variantsOversold: await one(
        `SELECT count(*) AS n FROM inventory_level
          WHERE deleted_at IS NULL AND (reserved_quantity > stocked_quantity OR stocked_quantity < 0)`,
      ),
      ...(intakes ? { intakes } : {}),
      batches: batches.map(({ summed: _, ...b }) => b),
      ok: false,
    };
    result.ok =
      result.orders === result.accepted &&
      result.stillQueued === 0 &&
      result.intakesFailed === 0 &&
      result.duplicated === 0 &&
      result.lost === 0 &&
      result.cartsWithTwoOrders === 0 &&
      result.ordersWithoutBatch === 0 &&
      result.linesWithoutReservation === 0 &&
      result.linesWhoseReservationDisagrees === 0 &&
      result.ordersWhosePaymentDisagrees === 0 &&
      result.intakesPointingAtAnotherOrder === 0 &&
      result.ordersWithoutAuthorisedPayment === 0 &&
      result.batchesOverCapacity === 0 &&
      result.batchesWhoseCountDisagrees === 0 &&
      result.variantsOversold === 0;
    return result;
  } finally {
    await client.end();
  }
}

/** Decimal places of a currency's minor unit (CHF, EUR, USD: 2; JPY: 0). */
function currencyDecimals(code: string): number {
  return (
    new Intl.NumberFormat("en", { style: "currency", currency: code }).resolvedOptions()
      .maximumFractionDigits ?? 2
  );
}

/** A total stored by Medusa: a number, or its raw form {value: "19.8904"}. */
function amount(value: unknown): number {
  if (value && typeof value === "object" && "value" in value) return Number(value.value);
  return Number(value);
}

/**
 * Each settled order's total (Medusa's order summary) against its payment collection's amount
 * and the sum of its authorised payments: both must be the total rounded to the currency's
 * precision, and carry no more decimals than it.
 */
async function paymentDisagreements(
  client: pg.Client,
  settledOrders: string,
  pattern: string,
): Promise<{ count: number; examples: LaunchChecks["paymentDisagreements"] }> {
  const { rows } = await client.query<{
    order_id: string;
    currency_code: string;
    totals: Record<string, unknown> | null;
    collection: string | null;
    paid: string | null;
  }>(
    `SELECT o.id AS order_id, ord.currency_code, s.totals,
            pc.amount AS collection,
            (SELECT sum(p.amount) FROM payment p
              WHERE p.payment_collection_id = pc.id AND p.deleted_at IS NULL
                AND p.canceled_at IS NULL) AS paid
       FROM (${settledOrders}) o
       JOIN "order" ord ON ord.id = o.id
       LEFT JOIN order_summary s ON s.order_id = o.id AND s.version = o.version AND s.deleted_at IS NULL
       LEFT JOIN order_payment_collection opc ON opc.order_id = o.id AND opc.deleted_at IS NULL
       LEFT JOIN payment_collection pc ON pc.id = opc.payment_collection_id AND pc.deleted_at IS NULL`,
    [pattern],
  );
  const examples: LaunchChecks["paymentDisagreements"] = [];
  let count = 0;
  for (const row of rows) {
    const decimals = currencyDecimals(row.currency_code);
    const scale = 10 ** decimals;
    const total = amount(row.totals?.raw_current_order_total ?? row.totals?.current_order_total);
    const expected = Math.round(total * scale) / scale;
    const collection = Number(row.collection);
    const paid = Number(row.paid);
    const exact = (n: number) =>
      Number.isFinite(n) && Math.abs(n * scale - Math.round(n * scale)) < 1e-6;
    const agrees =
      Number.isFinite(total) &&
      exact(collection) &&
      exact(paid) &&
      Math.abs(collection - expected) < 0.5 / scale &&
      Math.abs(paid - expected) < 0.5 / scale;
    if (agrees) continue;
    count++;
    if (examples.length < 5) examples.push({ order_id: row.order_id, total, collection, paid });
  }
  return { count, examples };
}

/**
 * The run's orders, and its intakes not yet settled (waiting, or converting: an order is stored
 * before its intake is marked done, so the last orders of a run exist a moment before that).
 */
export async function countOrders(
  databaseUrl: string,
  runTag: string,
): Promise<{ orders: number; unsettled: number }> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const pattern = `%.${runTag}@bench.camslide.test`;
    const { rows } = await client.query<{ n: string }>(
      `SELECT count(*) AS n FROM "order" WHERE email LIKE $1 AND deleted_at IS NULL`,
      [pattern],
    );
    const { rows: intakeTable } = await client.query<{ n: string }>(
      "SELECT count(*) AS n FROM information_schema.tables WHERE table_name = 'checkout_intake'",
    );
    const { rows: waiting } =
      Number(intakeTable[0]?.n) > 0
        ? await client.query<{ n: string }>(
            `SELECT count(*) AS n FROM checkout_intake
              WHERE email LIKE $1 AND status IN ('pending', 'converting')`,
            [pattern],
          )
        : { rows: [{ n: "0" }] };
    return { orders: Number(rows[0]?.n ?? 0), unsettled: Number(waiting[0]?.n ?? 0) };
  } finally {
    await client.end();
  }
}
