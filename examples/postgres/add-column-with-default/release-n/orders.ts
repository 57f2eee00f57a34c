import type { Db } from '../../../harness/index.ts';

// Release N: the application before the migration. It knows nothing about orders.status.

export interface Order {
  id: string;
  customerEmail: string | null;
  totalCents: number;
  note: string | null;
}

// #region queries
export async function placeOrder(db: Db, order: Omit<Order, 'id'>): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    'INSERT INTO orders (customer_email, total_cents, note) VALUES ($1, $2, $3) RETURNING id',
    [order.customerEmail, order.totalCents, order.note],
  );
  return rows[0].id;
}

export async function findOrder(db: Db, id: string): Promise<Order | undefined> {
  const { rows } = await db.query<Order>(
    `SELECT id, customer_email AS "customerEmail", total_cents AS "totalCents", note FROM orders WHERE id = $1`,
    [id],
  );
  return rows[0];
}
// #endregion queries
