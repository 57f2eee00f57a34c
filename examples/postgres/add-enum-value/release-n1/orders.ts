import type { Db } from '../../../harness/index.ts';

// Release N+1: orders are packed between paid and shipped. It needs 'packed' (002) and the
// orders_to_ship view (003), so both migrations run before it starts.

export const STATUSES = ['pending', 'paid', 'packed', 'shipped', 'delivered', 'cancelled'] as const;
export type Status = (typeof STATUSES)[number];

// #region queries
export async function placeOrder(db: Db, customerEmail: string | null): Promise<string> {
  const { rows } = await db.query<{ id: string }>('INSERT INTO orders (customer_email) VALUES ($1) RETURNING id', [customerEmail]);
  return rows[0].id;
}

export async function setStatus(db: Db, id: string, status: Status): Promise<void> {
  await db.query('UPDATE orders SET status = $2 WHERE id = $1', [id, status]);
}

/** Whether the warehouse still has to send the order (paid or packed), through the view 003 creates. */
export async function awaitsShipping(db: Db, id: string): Promise<boolean> {
  const { rows } = await db.query<{ awaits: boolean }>('SELECT EXISTS (SELECT FROM orders_to_ship WHERE id = $1) AS awaits', [id]);
  return rows[0].awaits;
}
// #endregion queries
