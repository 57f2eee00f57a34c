import type { Db } from '../../harness/index.ts';

/** Rows inserted before the expand step; later steps add a tenth of that each. */
export const SAMPLE_ROWS = 5_000;

// #region seed
/**
 * Users shaped like production: every 10th has no email and every 11th no name, every 7th repeats
 * the row before it (a double-submitted sign-up), names mix accents, CJK and emoji, and every
 * 500th name is ~18 kB (stored out of line, in TOAST). `column` is the one the writing release
 * knows: `name` for release N, `full_name` for release N+1.
 */
export async function insertSampleUsers(db: Db, rows: number, column: 'name' | 'full_name'): Promise<void> {
  await db.query(
    `INSERT INTO users (email, ${column})
     SELECT CASE WHEN k % 10 = 0 THEN NULL ELSE 'user' || k || '@example.com' END,
            CASE WHEN k % 11 = 0 THEN NULL
                 WHEN k % 500 = 0 THEN repeat('A very long name. ', 1000)
                 ELSE (ARRAY['Zoë Ångström', 'José Núñez', '山田 太郎', 'Ωmega 🙂', 'Plain Ascii'])[k % 5 + 1] || ' #' || k END
     FROM generate_series(1, $1::int) AS n
     CROSS JOIN LATERAL (SELECT CASE WHEN n % 7 = 0 THEN n - 1 ELSE n END AS k) AS copy
     ORDER BY n`,
    [rows],
  );
}
// #endregion seed

/** What the sample holds, so the test can show it has every kind of row it claims to have. */
export async function profileSample(db: Db, column: 'name' | 'full_name') {
  const { rows } = await db.query<{ rows: number; nullEmails: number; nullNames: number; repeatedEmails: number; nonAsciiNames: number; longestName: number }>(
    `SELECT count(*)::int AS "rows",
            count(*) FILTER (WHERE email IS NULL)::int AS "nullEmails",
            count(*) FILTER (WHERE ${column} IS NULL)::int AS "nullNames",
            (SELECT count(*)::int FROM (SELECT email FROM users WHERE email IS NOT NULL
                                        GROUP BY email HAVING count(*) > 1) AS repeated) AS "repeatedEmails",
            count(*) FILTER (WHERE ${column} ~ '[^\\x01-\\x7f]')::int AS "nonAsciiNames",
            max(length(${column}))::int AS "longestName"
     FROM users`,
  );
  return rows[0];
}
