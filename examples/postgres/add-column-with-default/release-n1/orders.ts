import type { Db } from '../../../harness/index.ts';

// Release N+1: deployed once 002_add_orders_status has run. It reads and writes orders.status.

export type OrderStatus = 'pending' | 'paid' | 'shipped';

export interface Order {
  id: string;
  customerEmail: string | null;
  totalCents: number;
  note: string | null;
  status: OrderStatus;
}

// #region queries
export async function placeOrder(db: Db, order: Omit<Order, 'id'>): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    'INSERT INTO orders (customer_email, total_cents, note, status) VALUES ($1, $2, $3, $4) RETURNING id',
    [order.customerEmail, order.totalCents, order.note, order.status],
  );
  return rows[0].id;
}

export async function findOrder(db: Db, id: string): Promise<Order | undefined> {
  const { rows } = await db.query<Order>(
    `SELECT id, customer_email AS "customerEmail", total_cents AS "totalCents", note, status FROM orders WHERE id = $1`,
    [id],
  );
  return rows[0];
}
// #endregion queries
