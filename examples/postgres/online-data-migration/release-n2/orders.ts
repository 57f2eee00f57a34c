import type { Db } from '../../../harness/index.ts';

// Release N+2: deployed once 003 has passed and 004 has made total nullable. It reads and writes
// total_cents only, so 005 can drop total once release N+1 is retired.

export interface Order {
  id: string;
  customer: string;
  totalCents: bigint;
  note: string | null;
}

// #region queries
export async function placeOrder(db: Db, order: Omit<Order, 'id'>): Promise<string> {
  const { rows } = await db.query<{ id: string }>('INSERT INTO orders (customer, total_cents, note) VALUES ($1, $2, $3) RETURNING id', [
    order.customer,
    order.totalCents.toString(),
    order.note,
  ]);
  return rows[0].id;
}

export async function findOrder(db: Db, id: string): Promise<Order | undefined> {
  const { rows } = await db.query<{ id: string; customer: string; total_cents: string; note: string | null }>(
    'SELECT id, customer, total_cents, note FROM orders WHERE id = $1',
    [id],
  );
  if (!rows[0]) return undefined;
  const { total_cents, ...order } = rows[0];
  return { ...order, totalCents: BigInt(total_cents) };
}
// #endregion queries
