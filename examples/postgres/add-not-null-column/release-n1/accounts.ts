import type { Db } from '../../../harness/index.ts';

// Release N+1: deployed once 002 has added search_name. It writes the column on every insert and
// searches by it; rows from release N have it only once the backfill has run.

export interface Account {
  id: string;
  email: string | null;
  displayName: string;
  bio: string | null;
}

// #region queries
export async function openAccount(db: Db, account: Omit<Account, 'id'>): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    'INSERT INTO accounts (email, display_name, bio, search_name) VALUES ($1, $2, $3, lower($2)) RETURNING id',
    [account.email, account.displayName, account.bio],
  );
  return rows[0].id;
}

export async function searchAccounts(db: Db, name: string): Promise<Account[]> {
  const { rows } = await db.query<Account>(
    `SELECT id, email, display_name AS "displayName", bio FROM accounts WHERE search_name = lower($1) ORDER BY id`,
    [name],
  );
  return rows;
}
// #endregion queries
