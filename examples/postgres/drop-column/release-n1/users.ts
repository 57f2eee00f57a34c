import type { Db } from '../../../harness/index.ts';

// Release N+1: nickname is gone from the model; no query names it.

export interface User {
  id: string;
  email: string | null;
  displayName: string;
}

// #region queries
export async function signUp(db: Db, user: Omit<User, 'id'>): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    'INSERT INTO users (email, display_name) VALUES ($1, $2) RETURNING id',
    [user.email, user.displayName],
  );
  return rows[0].id;
}

export async function findUser(db: Db, id: string): Promise<User | undefined> {
  const { rows } = await db.query<User>(`SELECT id, email, display_name AS "displayName" FROM users WHERE id = $1`, [id]);
  return rows[0];
}
// #endregion queries
