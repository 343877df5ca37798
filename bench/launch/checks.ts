/**
 * What the launch benchmark checks in the shop's database after the run: every accepted
 * checkout became exactly one order (none lost, none doubled), every order has an authorised
 * payment and a batch, no batch holds more than its capacity, no stock is oversold.
 */
import pg from "pg";

export interface LaunchChecks {
  accepted: number;
  orders: number;
  duplicated: number;
  lost: number;
  /** Accepted intakes not yet made into orders when the run stopped waiting (not lost). */
  stillQueued: number;
  cartsWithTwoOrders: number;
  ordersWithoutBatch: number;
  linesWithoutReservation: number;
  intakesPointingAtAnotherOrder: number;
  ordersWithoutAuthorisedPayment: number;
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
    const result: LaunchChecks = {
      accepted: acceptedEmails.size,
      orders: emails.length,
      duplicated: emails.length - distinct.size,
      lost: missing.length - stillQueued,
      stillQueued,
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
      result.orders + result.stillQueued === result.accepted &&
      result.duplicated === 0 &&
      result.lost === 0 &&
      result.cartsWithTwoOrders === 0 &&
      result.ordersWithoutBatch === 0 &&
      result.linesWithoutReservation === 0 &&
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

/** Counts the run's orders (for waiting on the background conversion). */
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
