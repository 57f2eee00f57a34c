import type { Db } from '../../harness/index.ts';

/** Customers and orders inserted by each call of `insertSampleOrders`. */
export const SAMPLE_CUSTOMERS = 600;
export const SAMPLE_ORDERS = 3_000;

// #region seed
/**
 * Customers and their orders, shaped like production: several orders per customer, every 10th
 * order a guest checkout (no customer), every 9th customer without an email, notes in accents,
 * CJK and emoji, and every 500th note ~18 kB (stored out of line, in TOAST). With `orphans`,
 * every 50th new customer is then deleted the way release N closes an account, which leaves
 * that customer's orders pointing at nobody.
 */
export async function insertSampleOrders(db: Db, { orphans }: { orphans: boolean }): Promise<void> {
  const { rows } = await db.query<{ first: string }>(
    `WITH added AS (
       INSERT INTO customers (email, name)
       SELECT CASE WHEN k % 9 = 0 THEN NULL ELSE 'customer' || k || '@example.com' END,
              (ARRAY['Zoë Ångström', 'José Núñez', '山田 太郎', 'Ωmega 🙂', 'Plain Ascii'])[k % 5 + 1] || ' #' || k
       FROM generate_series(1, $1::int) AS k
       ORDER BY k
       RETURNING id)
     SELECT min(id)::text AS first FROM added`,
    [SAMPLE_CUSTOMERS],
  );
  const first = rows[0].first;
  await db.query(
    `INSERT INTO orders (customer_id, total_cents, note)
     SELECT CASE WHEN n % 10 = 0 THEN NULL ELSE $1::bigint + n % $2::int END,
            n * 37 % 100000,
            CASE WHEN n % 500 = 0 THEN repeat('Leave it at the door, please. ', 600)
                 WHEN n % 3 = 0 THEN NULL
                 ELSE (ARRAY['Zoë: gift wrap', 'José: ring twice', '山田: 置き配', 'Ωmega 🙂', 'plain'])[n % 5 + 1] || ' #' || n END
     FROM generate_series(1, $3::int) AS n
     ORDER BY n`,
    [first, SAMPLE_CUSTOMERS, SAMPLE_ORDERS],
  );
  if (orphans) {
    await db.query(`DELETE FROM customers WHERE id >= $1::bigint AND id < $1::bigint + $2::int AND (id - $1::bigint) % 50 = 7`, [
      first,
      SAMPLE_CUSTOMERS,
    ]);
  }
}
// #endregion seed

/** Orders whose customer_id points at no customer. */
export const ORPHANS = `
  SELECT orders.* FROM orders
  WHERE customer_id IS NOT NULL
    AND NOT EXISTS (SELECT 1 FROM customers WHERE customers.id = orders.customer_id)`;

/** What the sample holds, so the test can show it has every kind of row it claims to have. */
export async function profileSample(db: Db) {
  const { rows } = await db.query<{
    orders: number;
    guestOrders: number;
    orphanOrders: number;
    repeatedCustomers: number;
    nonAsciiNotes: number;
    longestNote: number;
  }>(
    `SELECT count(*)::int AS orders,
            count(*) FILTER (WHERE customer_id IS NULL)::int AS "guestOrders",
            (SELECT count(*)::int FROM (${ORPHANS}) AS orphan) AS "orphanOrders",
            (SELECT count(*)::int FROM (SELECT customer_id FROM orders WHERE customer_id IS NOT NULL
                                        GROUP BY customer_id HAVING count(*) > 1) AS repeated) AS "repeatedCustomers",
            count(*) FILTER (WHERE note ~ '[^\\x01-\\x7f]')::int AS "nonAsciiNotes",
            max(length(note))::int AS "longestNote"
     FROM orders`,
  );
  return rows[0];
}
