import type { Db } from '../../../harness/index.ts';

// Release N: a sign-up is a plain INSERT, so a double-submitted form stores the user twice.

export interface User {
  id: string;
  email: string | null;
  displayName: string;
}

// #region queries
export async function signUp(db: Db, user: Omit<User, 'id'>): Promise<string> {
  const { rows } = await db.query<{ id: string }>('INSERT INTO users (email, display_name) VALUES ($1, $2) RETURNING id', [
    user.email,
    user.displayName,
  ]);
  return rows[0].id;
}

export async function findUsersByEmail(db: Db, email: string): Promise<User[]> {
  const { rows } = await db.query<User>(
    `SELECT id, email, display_name AS "displayName" FROM users WHERE email = $1 ORDER BY id`,
    [email],
  );
  return rows;
}
// #endregion queries
