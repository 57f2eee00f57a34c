import type { Db } from '../../../harness/index.ts';

// Release N: knows nothing about accounts.search_name, so its rows leave it NULL.

export interface Account {
  id: string;
  email: string | null;
  displayName: string;
  bio: string | null;
}

// #region queries
export async function openAccount(db: Db, account: Omit<Account, 'id'>): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    'INSERT INTO accounts (email, display_name, bio) VALUES ($1, $2, $3) RETURNING id',
    [account.email, account.displayName, account.bio],
  );
  return rows[0].id;
}

export async function findAccount(db: Db, id: string): Promise<Account | undefined> {
  const { rows } = await db.query<Account>(
    `SELECT id, email, display_name AS "displayName", bio FROM accounts WHERE id = $1`,
    [id],
  );
  return rows[0];
}
// #endregion queries
