import type { Db } from '../../harness/index.ts';

/** Rows inserted by each call of `insertSampleUsers`. */
export const SAMPLE_ROWS = 3_000;

// #region seed
/**
 * Users shaped like production: every 10th has no email, names mix accents, CJK and emoji, and
 * every 500th bio is ~18 kB (stored out of line, in TOAST). With `copies`, every 7th row is an
 * exact copy of the row before it: a double-submitted sign-up that release N stored twice.
 * `batch` keeps the emails of separate calls apart.
 */
export async function insertSampleUsers(db: Db, { batch, copies }: { batch: number; copies: boolean }): Promise<void> {
  await db.query(
    `INSERT INTO users (email, display_name, bio)
     SELECT CASE WHEN k % 10 = 0 THEN NULL ELSE 'user' || k || '.' || $2::int || '@example.com' END,
            (ARRAY['Zoë Ångström', 'José Núñez', '山田 太郎', 'Ωmega 🙂', 'Plain Ascii'])[k % 5 + 1] || ' #' || k,
            CASE WHEN k % 500 = 0 THEN repeat('A long biography. ', 1000)
                 WHEN k % 3 = 0 THEN NULL
                 ELSE 'bio ' || k END
     FROM generate_series(1, $1::int) AS n
     CROSS JOIN LATERAL (SELECT CASE WHEN $3 AND n % 7 = 0 THEN n - 1 ELSE n END AS k) AS copy
     ORDER BY n`,
    [SAMPLE_ROWS, batch, copies],
  );
}
// #endregion seed

/** What the sample holds, so the test can show it has every kind of row it claims to have. */
export async function profileSample(db: Db) {
  const { rows } = await db.query<{ rows: number; nullEmails: number; repeatedEmails: number; nonAsciiNames: number; longestBio: number }>(
    `SELECT count(*)::int AS "rows",
            count(*) FILTER (WHERE email IS NULL)::int AS "nullEmails",
            (SELECT count(*)::int FROM (SELECT email FROM users WHERE email IS NOT NULL
                                        GROUP BY email HAVING count(*) > 1) AS repeated) AS "repeatedEmails",
            count(*) FILTER (WHERE display_name ~ '[^\\x01-\\x7f]')::int AS "nonAsciiNames",
            max(length(bio))::int AS "longestBio"
     FROM users`,
  );
  return rows[0];
}
