import type { Db } from '../../harness/index.ts';

/** Orders inserted by release N before the new column exists. */
export const SAMPLE_ROWS = 2_000;

// #region seed
/**
 * Orders shaped like release N's data: `total` is free text in the forms it accepted over the
 * years ('123.45', ' 42 ', '1,234.5', '0.99'); every 7th order repeats the one before it (a
 * double-submitted checkout); customer names mix accents, CJK and emoji; every 3rd note is NULL and
 * every 500th is ~18 kB (stored out of line, in TOAST).
 */
export async function insertReleaseNOrders(db: Db, rows: number): Promise<void> {
  await db.query(
    `INSERT INTO orders (customer, total, note)
     SELECT customer, total, note
     FROM generate_series(1, $1::int) AS n
     CROSS JOIN LATERAL (SELECT CASE WHEN n % 7 = 0 THEN n - 1 ELSE n END AS k) AS copy
     CROSS JOIN LATERAL (SELECT
       (ARRAY['Zoë Ångström', 'José Núñez', '山田 太郎', 'Ωmega 🙂', 'Plain Ascii'])[k % 5 + 1] || ' #' || k AS customer,
       CASE k % 4
         WHEN 0 THEN (k % 1000) || '.' || lpad((k % 100)::text, 2, '0')
         WHEN 1 THEN ' ' || (k % 500) || ' '
         WHEN 2 THEN to_char(1000 + k, 'FM999,999,999') || '.5'
         ELSE '0.99'
       END AS total,
       CASE WHEN k % 500 = 0 THEN repeat('Leave it at the door. ', 800) WHEN k % 3 = 0 THEN NULL ELSE 'note ' || k END AS note
     ) AS orders
     ORDER BY n`,
    [rows],
  );
}
// #endregion seed

/** What the sample holds, so the test can show it has every kind of row it claims to have. */
export async function profileSample(db: Db) {
  const { rows } = await db.query<{ rows: number; nullNotes: number; repeated: number; nonAscii: number; longestNote: number; forms: number }>(
    `SELECT count(*)::int AS "rows",
            count(*) FILTER (WHERE note IS NULL)::int AS "nullNotes",
            (SELECT count(*)::int FROM (SELECT customer FROM orders GROUP BY customer, total HAVING count(*) > 1) AS r) AS "repeated",
            count(*) FILTER (WHERE customer ~ '[^\\x01-\\x7f]')::int AS "nonAscii",
            max(length(note))::int AS "longestNote",
            count(DISTINCT CASE WHEN total LIKE ' %' THEN 'padded' WHEN total LIKE '%,%' THEN 'grouped'
                                WHEN total LIKE '%.%' THEN 'decimal' ELSE 'plain' END)::int AS forms
     FROM orders`,
  );
  return rows[0];
}
