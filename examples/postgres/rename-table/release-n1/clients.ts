import type { Db } from '../../../harness/index.ts';

// Release N+1: the same queries under the new name, clients.

export interface Client {
  id: string;
  email: string | null;
  name: string;
  note: string | null;
}

// #region queries
export async function signUp(db: Db, client: Omit<Client, 'id'>): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    'INSERT INTO clients (email, name, note) VALUES ($1, $2, $3) RETURNING id',
    [client.email, client.name, client.note],
  );
  return rows[0].id;
}

/** Signs up, or renames the client who already has this email. */
export async function signUpOrRename(db: Db, email: string, name: string): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO clients (email, name) VALUES ($1, $2)
     ON CONFLICT (email) DO UPDATE SET name = excluded.name RETURNING id`,
    [email, name],
  );
  return rows[0].id;
}

export async function findClient(db: Db, id: string): Promise<Client | undefined> {
  const { rows } = await db.query<Client>('SELECT id, email, name, note FROM clients WHERE id = $1', [id]);
  return rows[0];
}

export async function setNote(db: Db, id: string, note: string): Promise<number> {
  const { rows } = await db.query('UPDATE clients SET note = $2 WHERE id = $1 RETURNING id', [id, note]);
  return rows.length;
}

export async function removeClient(db: Db, id: string): Promise<number> {
  const { rows } = await db.query('DELETE FROM clients WHERE id = $1 RETURNING id', [id]);
  return rows.length;
}
// #endregion queries
