import type { Db } from '../../../harness/index.ts';

// Release N+1: the same user, with the name in users.full_name. It never names users.name: while
// release N still runs, the trigger of 002 copies each write into the other column.

export interface User {
  id: string;
  email: string | null;
  fullName: string | null;
}

// #region queries
export async function signUp(db: Db, user: Omit<User, 'id'>): Promise<string> {
  const { rows } = await db.query<{ id: string }>('INSERT INTO users (email, full_name) VALUES ($1, $2) RETURNING id', [
    user.email,
    user.fullName,
  ]);
  return rows[0].id;
}

export async function changeName(db: Db, id: string, fullName: string | null): Promise<void> {
  await db.query('UPDATE users SET full_name = $2 WHERE id = $1', [id, fullName]);
}

export async function findUser(db: Db, id: string): Promise<User | undefined> {
  const { rows } = await db.query<User>('SELECT id, email, full_name AS "fullName" FROM users WHERE id = $1', [id]);
  return rows[0];
}
// #endregion queries
