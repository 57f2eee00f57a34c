import type { Db } from '../../harness/index.ts';

export const SAMPLE_ROWS = 5_000;

// #region seed
/**
 * Orders shaped like production: every 10th has no customer email, every 7th repeats the row
 * before it (a double-submitted checkout), items mix accents, CJK and emoji, and every 500th item
 * is ~18 kB (stored out of line, in TOAST).
 */
export async function insertSampleOrders(db: Db): Promise<void> {
  await db.query(
    `INSERT INTO orders (customer_email, item, quantity)
     SELECT CASE WHEN k % 10 = 0 THEN NULL ELSE 'customer' || k || '@example.com' END,
            CASE WHEN k % 500 = 0 THEN repeat('A very long item description. ', 600)
                 ELSE (ARRAY['Crème brûlée', 'Jalapeño', '抹茶 ラテ', 'Ωmega 🙂', 'Plain tea'])[k % 5 + 1] || ' #' || k END,
            k % 9 + 1
     FROM generate_series(1, $1::int) AS n
     CROSS JOIN LATERAL (SELECT CASE WHEN n % 7 = 0 THEN n - 1 ELSE n END AS k) AS copy
     ORDER BY n`,
    [SAMPLE_ROWS],
  );
}
// #endregion seed

/** What the sample holds, so the test can show it has every kind of row it claims to have. */
export async function profileSample(db: Db) {
  const { rows } = await db.query<{ rows: number; nullEmails: number; repeatedEmails: number; nonAsciiItems: number; longestItem: number }>(
    `SELECT count(*)::int AS "rows",
            count(*) FILTER (WHERE customer_email IS NULL)::int AS "nullEmails",
            (SELECT count(*)::int FROM (SELECT customer_email FROM orders WHERE customer_email IS NOT NULL
                                        GROUP BY customer_email HAVING count(*) > 1) AS repeated) AS "repeatedEmails",
            count(*) FILTER (WHERE item ~ '[^\\x01-\\x7f]')::int AS "nonAsciiItems",
            max(length(item))::int AS "longestItem"
     FROM orders`,
  );
  return rows[0];
}
