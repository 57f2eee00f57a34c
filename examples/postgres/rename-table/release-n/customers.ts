import type { Db } from '../../../harness/index.ts';

// Release N: every query names the table customers.

export interface Customer {
  id: string;
  email: string | null;
  name: string;
  note: string | null;
}

// #region queries
export async function signUp(db: Db, customer: Omit<Customer, 'id'>): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    'INSERT INTO customers (email, name, note) VALUES ($1, $2, $3) RETURNING id',
    [customer.email, customer.name, customer.note],
  );
  return rows[0].id;
}

/** Signs up, or renames the customer who already has this email. */
export async function signUpOrRename(db: Db, email: string, name: string): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO customers (email, name) VALUES ($1, $2)
     ON CONFLICT (email) DO UPDATE SET name = excluded.name RETURNING id`,
    [email, name],
  );
  return rows[0].id;
}

export async function findCustomer(db: Db, id: string): Promise<Customer | undefined> {
  const { rows } = await db.query<Customer>('SELECT id, email, name, note FROM customers WHERE id = $1', [id]);
  return rows[0];
}

export async function setNote(db: Db, id: string, note: string): Promise<number> {
  const { rows } = await db.query('UPDATE customers SET note = $2 WHERE id = $1 RETURNING id', [id, note]);
  return rows.length;
}

export async function removeCustomer(db: Db, id: string): Promise<number> {
  const { rows } = await db.query('DELETE FROM customers WHERE id = $1 RETURNING id', [id]);
  return rows.length;
}
// #endregion queries
