import type { Db } from '../../harness/index.ts';

/** Rows inserted before each step. */
export const SAMPLE_ROWS = 5_000;

// #region seed
/**
 * Users shaped like production: every 10th has no email, every 7th repeats the row before it (a
 * double-submitted sign-up), names and nicknames mix accents, CJK and emoji, and every 500th
 * display name is ~18 kB (stored out of line, in TOAST).
 */
export async function insertSampleUsers(db: Db): Promise<void> {
  await db.query(
    `INSERT INTO users (email, display_name, nickname)
     SELECT CASE WHEN k % 10 = 0 THEN NULL ELSE 'user' || k || '@example.com' END,
            CASE WHEN k % 500 = 0 THEN repeat('A very long display name. ', 700)
                 ELSE (ARRAY['Zoë Ångström', 'José Núñez', '山田 太郎', 'Ωmega 🙂', 'Plain Ascii'])[k % 5 + 1] || ' #' || k END,
            (ARRAY['zoë', 'pepe', 'たろう', '🙂', 'plain'])[k % 5 + 1] || k
     FROM generate_series(1, $1::int) AS n
     CROSS JOIN LATERAL (SELECT CASE WHEN n % 7 = 0 THEN n - 1 ELSE n END AS k) AS copy
     ORDER BY n`,
    [SAMPLE_ROWS],
  );
}
// #endregion seed

/** What the sample holds, so the test can show it has every kind of row it claims to have. */
export async function profileSample(db: Db) {
  const { rows } = await db.query<{ rows: number; nullEmails: number; repeatedEmails: number; nonAsciiNames: number; longestName: number }>(
    `SELECT count(*)::int AS "rows",
            count(*) FILTER (WHERE email IS NULL)::int AS "nullEmails",
            (SELECT count(*)::int FROM (SELECT email FROM users WHERE email IS NOT NULL
                                        GROUP BY email HAVING count(*) > 1) AS repeated) AS "repeatedEmails",
            count(*) FILTER (WHERE display_name ~ '[^\\x01-\\x7f]')::int AS "nonAsciiNames",
            max(length(display_name))::int AS "longestName"
     FROM users`,
  );
  return rows[0];
}
