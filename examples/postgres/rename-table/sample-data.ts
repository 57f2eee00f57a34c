import type { Db } from '../../harness/index.ts';

/** Rows inserted before each step. */
export const SAMPLE_ROWS = 5_000;

// #region seed
/**
 * Customers shaped like production: every 10th has no email, every 7th repeats the name and note of
 * the row before it (the same person signed up twice), names mix accents, CJK and emoji, and every
 * 500th note is ~18 kB (stored out of line, in TOAST). `table` is customers, or clients once renamed.
 */
export async function insertSampleCustomers(db: Db, table: 'customers' | 'clients'): Promise<void> {
  await db.query(
    `INSERT INTO ${table} (email, name, note)
     SELECT CASE WHEN n % 10 = 0 THEN NULL ELSE 'customer' || n || '.' || $2::text || '@example.com' END,
            (ARRAY['Zoë Ångström', 'José Núñez', '山田 太郎', 'Ωmega 🙂', 'Plain Ascii'])[k % 5 + 1] || ' #' || k,
            CASE WHEN k % 500 = 0 THEN repeat('A very long note. ', 1000)
                 WHEN k % 3 = 0 THEN NULL
                 ELSE 'note ' || k END
     FROM generate_series(1, $1::int) AS n
     CROSS JOIN LATERAL (SELECT CASE WHEN n % 7 = 0 THEN n - 1 ELSE n END AS k) AS copy
     ORDER BY n`,
    [SAMPLE_ROWS, table],
  );
}
// #endregion seed

/** What the sample holds, so the test can show it has every kind of row it claims to have. */
export async function profileSample(db: Db, table: 'customers' | 'clients') {
  const { rows } = await db.query<{ rows: number; nullEmails: number; repeatedNames: number; nonAsciiNames: number; longestNote: number }>(
    `SELECT count(*)::int AS "rows",
            count(*) FILTER (WHERE email IS NULL)::int AS "nullEmails",
            (SELECT count(*)::int FROM (SELECT name FROM ${table} GROUP BY name HAVING count(*) > 1) AS repeated) AS "repeatedNames",
            count(*) FILTER (WHERE name ~ '[^\\x01-\\x7f]')::int AS "nonAsciiNames",
            max(length(note))::int AS "longestNote"
     FROM ${table}`,
  );
  return rows[0];
}
