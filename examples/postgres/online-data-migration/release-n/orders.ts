import type { Db } from '../../../harness/index.ts';

// Release N: the order total is free text, as the checkout form sent it.

export interface Order {
  id: string;
  customer: string;
  total: string;
  note: string | null;
}

// #region queries
export async function placeOrder(db: Db, order: Omit<Order, 'id'>): Promise<string> {
  const { rows } = await db.query<{ id: string }>('INSERT INTO orders (customer, total, note) VALUES ($1, $2, $3) RETURNING id', [
    order.customer,
    order.total,
    order.note,
  ]);
  return rows[0].id;
}

export async function findOrder(db: Db, id: string): Promise<Order | undefined> {
  const { rows } = await db.query<Order>('SELECT id, customer, total, note FROM orders WHERE id = $1', [id]);
  return rows[0];
}
// #endregion queries
