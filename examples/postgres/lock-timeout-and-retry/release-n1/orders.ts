import type { Db } from '../../../harness/index.ts';

// Release N+1: deployed once 002 has added gift_message; orders from release N have none.

export interface Order {
  id: string;
  customerEmail: string | null;
  item: string;
  quantity: number;
  giftMessage: string | null;
}

// #region queries
export async function placeOrder(db: Db, order: Omit<Order, 'id'>): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    'INSERT INTO orders (customer_email, item, quantity, gift_message) VALUES ($1, $2, $3, $4) RETURNING id',
    [order.customerEmail, order.item, order.quantity, order.giftMessage],
  );
  return rows[0].id;
}

export async function findOrder(db: Db, id: string): Promise<Order | undefined> {
  const { rows } = await db.query<Order>(
    `SELECT id, customer_email AS "customerEmail", item, quantity, gift_message AS "giftMessage"
     FROM orders WHERE id = $1`,
    [id],
  );
  return rows[0];
}
// #endregion queries
