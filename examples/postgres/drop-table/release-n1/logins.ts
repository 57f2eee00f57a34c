import type { Db } from '../../../harness/index.ts';

// Release N+1: no longer records sign-ins; no query names login_events.

// #region queries
export async function signIn(db: Db, email: string): Promise<string> {
  const { rows } = await db.query<{ id: string }>('SELECT id FROM users WHERE email = $1', [email]);
  const [user] = rows;
  if (!user) throw new Error(`No user ${email}`);
  return user.id;
}
// #endregion queries
