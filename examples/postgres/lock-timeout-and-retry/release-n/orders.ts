import type { Db } from '../../../harness/index.ts';

// Release N: knows nothing about orders.gift_message.

export interface Order {
  id: string;
  customerEmail: string | null;
  item: string;
  quantity: number;
}

// #region queries
export async function placeOrder(db: Db, order: Omit<Order, 'id'>): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    'INSERT INTO orders (customer_email, item, quantity) VALUES ($1, $2, $3) RETURNING id',
    [order.customerEmail, order.item, order.quantity],
  );
  return rows[0].id;
}

export async function findOrder(db: Db, id: string): Promise<Order | undefined> {
  const { rows } = await db.query<Order>(
    'SELECT id, customer_email AS "customerEmail", item, quantity FROM orders WHERE id = $1',
    [id],
  );
  return rows[0];
}
// #endregion queries
