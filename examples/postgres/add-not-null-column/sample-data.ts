import type { Db } from '../../harness/index.ts';

/** Rows inserted before the column is added; later steps add a tenth of that each. */
export const SAMPLE_ROWS = 5_000;

// #region seed
/**
 * Accounts shaped like production: every 10th has no email, every 7th repeats the row before it (a
 * double-submitted sign-up), names mix accents, CJK, emoji and case, and every 500th bio is ~18 kB
 * (stored out of line, in TOAST). `withSearchName` writes the new column as release N+1 does;
 * without it the rows look like release N's, with search_name left NULL.
 */
export async function insertSampleAccounts(db: Db, rows: number, withSearchName: boolean): Promise<void> {
  await db.query(
    `INSERT INTO accounts (email, display_name, bio${withSearchName ? ', search_name' : ''})
     SELECT email, display_name, bio${withSearchName ? ', lower(display_name)' : ''}
     FROM generate_series(1, $1::int) AS n
     CROSS JOIN LATERAL (SELECT CASE WHEN n % 7 = 0 THEN n - 1 ELSE n END AS k) AS copy
     CROSS JOIN LATERAL (SELECT
       CASE WHEN k % 10 = 0 THEN NULL ELSE 'account' || k || '@example.com' END AS email,
       (ARRAY['Zoë ÅNGSTRÖM', 'José Núñez', '山田 太郎', 'Ωmega 🙂', 'Plain Ascii'])[k % 5 + 1] || ' #' || k AS display_name,
       CASE WHEN k % 500 = 0 THEN repeat('A long biography. ', 1000) WHEN k % 3 = 0 THEN NULL ELSE 'bio ' || k END AS bio
     ) AS account
     ORDER BY n`,
    [rows],
  );
}
// #endregion seed

/** What the sample holds, so the test can show it has every kind of row it claims to have. */
export async function profileSample(db: Db) {
  const { rows } = await db.query<{ rows: number; nullEmails: number; repeatedEmails: number; nonAsciiNames: number; longestBio: number }>(
    `SELECT count(*)::int AS "rows",
            count(*) FILTER (WHERE email IS NULL)::int AS "nullEmails",
            (SELECT count(*)::int FROM (SELECT email FROM accounts WHERE email IS NOT NULL
                                        GROUP BY email HAVING count(*) > 1) AS repeated) AS "repeatedEmails",
            count(*) FILTER (WHERE display_name ~ '[^\\x01-\\x7f]')::int AS "nonAsciiNames",
            max(length(bio))::int AS "longestBio"
     FROM accounts`,
  );
  return rows[0];
}
