import type { Db } from '../../harness/index.ts';

/** Users inserted before each step; each has a few sign-ins. */
export const SAMPLE_USERS = 1_000;

// #region seed
/**
 * Users with names in several scripts, and their sign-ins: every user signed in 1 to 3 times,
 * every 10th sign-in has no user agent, and every 500th user agent is ~18 kB (stored in TOAST).
 * `withLogins: false` once login_events is gone.
 */
export async function insertSample(db: Db, { withLogins }: { withLogins: boolean }): Promise<void> {
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO users (email, display_name)
     SELECT 'user' || (existing.count + n) || '@example.com',
            (ARRAY['Zoë Ångström', 'José Núñez', '山田 太郎', 'Ωmega 🙂', 'Plain Ascii'])[n % 5 + 1] || ' #' || n
     FROM generate_series(1, $1::int) AS n, (SELECT count(*) FROM users) AS existing
     RETURNING id`,
    [SAMPLE_USERS],
  );
  if (!withLogins) return;
  await db.query(
    `INSERT INTO login_events (user_id, user_agent)
     SELECT user_id,
            CASE WHEN k % 500 = 0 THEN repeat('Mozilla/5.0 (a very long user agent) ', 500)
                 WHEN k % 10 = 0 THEN NULL
                 ELSE (ARRAY['Mozilla/5.0', 'curl/8.5', 'Ångström-App/1.0 🙂'])[k % 3 + 1] END
     FROM unnest($1::bigint[]) WITH ORDINALITY AS u(user_id, n)
     CROSS JOIN LATERAL generate_series(1, n::int % 3 + 1) AS visit
     CROSS JOIN LATERAL (SELECT n * 3 + visit AS k) AS key`,
    [rows.map(({ id }) => id)],
  );
}
// #endregion seed
