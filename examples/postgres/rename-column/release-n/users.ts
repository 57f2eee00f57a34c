import type { Db } from '../../../harness/index.ts';

// Release N: the user's name is in users.name.

export interface User {
  id: string;
  email: string | null;
  name: string | null;
}

// #region queries
export async function signUp(db: Db, user: Omit<User, 'id'>): Promise<string> {
  const { rows } = await db.query<{ id: string }>('INSERT INTO users (email, name) VALUES ($1, $2) RETURNING id', [
    user.email,
    user.name,
  ]);
  return rows[0].id;
}

export async function changeName(db: Db, id: string, name: string | null): Promise<void> {
  await db.query('UPDATE users SET name = $2 WHERE id = $1', [id, name]);
}

export async function findUser(db: Db, id: string): Promise<User | undefined> {
  const { rows } = await db.query<User>('SELECT id, email, name FROM users WHERE id = $1', [id]);
  return rows[0];
}
// #endregion queries
