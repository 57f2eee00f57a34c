import type { Db } from '../../../harness/index.ts';
import { formatTotal, parseTotal } from './money.ts';

// Release N+1: deployed once 002 has added total_cents. It writes both shapes, so that release N
// (still running during the rollout) reads its orders, and reads the new shape first.

export interface NewOrder {
  customer: string;
  totalCents: bigint;
  note: string | null;
}

/** `totalCents` is null only for an old row whose text is not an amount. */
export interface Order extends Omit<NewOrder, 'totalCents'> {
  id: string;
  totalCents: bigint | null;
}

// #region queries
export async function placeOrder(db: Db, order: NewOrder): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    'INSERT INTO orders (customer, total, total_cents, note) VALUES ($1, $2, $3, $4) RETURNING id',
    [order.customer, formatTotal(order.totalCents), order.totalCents.toString(), order.note],
  );
  return rows[0].id;
}

export async function findOrder(db: Db, id: string): Promise<Order | undefined> {
  const { rows } = await db.query<{ id: string; customer: string; total: string; total_cents: string | null; note: string | null }>(
    'SELECT id, customer, total, total_cents, note FROM orders WHERE id = $1',
    [id],
  );
  if (!rows[0]) return undefined;
  const { total, total_cents, ...order } = rows[0];
  // New shape first; a row the data migration has not reached yet falls back to the old one.
  return { ...order, totalCents: total_cents === null ? parseTotal(total) : BigInt(total_cents) };
}
// #endregion queries
