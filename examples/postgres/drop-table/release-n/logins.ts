import type { Db } from '../../../harness/index.ts';

// Release N: records every sign-in in login_events and shows the last one.

// #region queries
export async function signIn(db: Db, email: string, userAgent: string | null): Promise<string> {
  const { rows } = await db.query<{ id: string }>('SELECT id FROM users WHERE email = $1', [email]);
  const [user] = rows;
  if (!user) throw new Error(`No user ${email}`);
  await db.query('INSERT INTO login_events (user_id, user_agent) VALUES ($1, $2)', [user.id, userAgent]);
  return user.id;
}

export async function lastLogin(db: Db, userId: string): Promise<{ userAgent: string | null } | undefined> {
  const { rows } = await db.query<{ userAgent: string | null }>(
    'SELECT user_agent AS "userAgent" FROM login_events WHERE user_id = $1 ORDER BY id DESC LIMIT 1',
    [userId],
  );
  return rows[0];
}
// #endregion queries
