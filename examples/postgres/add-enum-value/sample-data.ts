import type { Db } from '../../harness/index.ts';

/** Rows inserted before each step. */
export const SAMPLE_ROWS = 5_000;

// #region seed
/**
 * Orders shaped like production, in every status release N knows: every 10th has no email, every
 * 7th repeats the row before it (a double-submitted checkout), notes mix accents, CJK and emoji,
 * and every 500th note is ~18 kB (stored out of line, in TOAST).
 */
export async function insertSampleOrders(db: Db): Promise<void> {
  await db.query(
    `INSERT INTO orders (customer_email, note, status)
     SELECT CASE WHEN k % 10 = 0 THEN NULL ELSE 'buyer' || k || '@example.com' END,
            CASE WHEN k % 500 = 0 THEN repeat('Leave it with the neighbour. ', 650)
                 ELSE (ARRAY['Zoë Ångström', 'José Núñez', '山田 太郎', 'Ωmega 🙂', 'Plain Ascii'])[k % 5 + 1] || ' #' || k END,
            (ARRAY['pending', 'paid', 'shipped', 'delivered', 'cancelled'])[k % 5 + 1]::order_status
     FROM generate_series(1, $1::int) AS n
     CROSS JOIN LATERAL (SELECT CASE WHEN n % 7 = 0 THEN n - 1 ELSE n END AS k) AS copy
     ORDER BY n`,
    [SAMPLE_ROWS],
  );
}
// #endregion seed

/** What the sample holds, so the test can show it has every kind of row it claims to have. */
export async function profileSample(db: Db) {
  const { rows } = await db.query<{ rows: number; nullEmails: number; repeatedEmails: number; nonAsciiNotes: number; longestNote: number; statuses: number }>(
    `SELECT count(*)::int AS "rows",
            count(*) FILTER (WHERE customer_email IS NULL)::int AS "nullEmails",
            (SELECT count(*)::int FROM (SELECT customer_email FROM orders WHERE customer_email IS NOT NULL
                                        GROUP BY customer_email HAVING count(*) > 1) AS repeated) AS "repeatedEmails",
            count(*) FILTER (WHERE note ~ '[^\\x01-\\x7f]')::int AS "nonAsciiNotes",
            max(length(note))::int AS "longestNote",
            count(DISTINCT status)::int AS "statuses"
     FROM orders`,
  );
  return rows[0];
}
