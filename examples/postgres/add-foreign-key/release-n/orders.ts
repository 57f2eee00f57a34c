import type { Db } from '../../../harness/index.ts';

// Release N: closing an account deletes the customer and leaves its orders behind, pointing at
// nobody. That is how the orphans in orders came about.

export interface Order {
  id: string;
  customerId: string | null;
  totalCents: number;
  note: string | null;
}

// #region queries
export async function openAccount(db: Db, customer: { email: string | null; name: string }): Promise<string> {
  const { rows } = await db.query<{ id: string }>('INSERT INTO customers (email, name) VALUES ($1, $2) RETURNING id', [
    customer.email,
    customer.name,
  ]);
  return rows[0].id;
}

export async function placeOrder(db: Db, order: Omit<Order, 'id'>): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    'INSERT INTO orders (customer_id, total_cents, note) VALUES ($1, $2, $3) RETURNING id',
    [order.customerId, order.totalCents, order.note],
  );
  return rows[0].id;
}

export async function findOrder(db: Db, id: string): Promise<Order | undefined> {
  const { rows } = await db.query<Order>(
    `SELECT id, customer_id AS "customerId", total_cents AS "totalCents", note FROM orders WHERE id = $1`,
    [id],
  );
  return rows[0];
}

export async function closeAccount(db: Db, customerId: string): Promise<void> {
  await db.query('DELETE FROM customers WHERE id = $1', [customerId]);
}
// #endregion queries
