import type { Db } from '../../../harness/index.ts';

// Release N: knows five statuses. It reads the ones it does not know (added for a later release)
// as 'other' instead of failing, so rows written by release N+1 do not break it.

export const STATUSES = ['pending', 'paid', 'shipped', 'delivered', 'cancelled'] as const;
export type Status = (typeof STATUSES)[number];

export interface Order {
  id: string;
  customerEmail: string | null;
  status: Status | 'other';
}

// #region queries
export async function placeOrder(db: Db, customerEmail: string | null): Promise<string> {
  const { rows } = await db.query<{ id: string }>('INSERT INTO orders (customer_email) VALUES ($1) RETURNING id', [customerEmail]);
  return rows[0].id;
}

export async function setStatus(db: Db, id: string, status: Status): Promise<void> {
  await db.query('UPDATE orders SET status = $2 WHERE id = $1', [id, status]);
}

export async function findOrder(db: Db, id: string): Promise<Order | undefined> {
  const { rows } = await db.query<{ id: string; customerEmail: string | null; status: string }>(
    'SELECT id, customer_email AS "customerEmail", status FROM orders WHERE id = $1',
    [id],
  );
  return rows.map((row) => ({ ...row, status: knownStatus(row.status) }))[0];
}

/** Paid but not shipped yet: relies on the enum's order, so a value added before 'shipped' counts too. */
export async function awaitsShipping(db: Db, id: string): Promise<boolean> {
  const { rows } = await db.query<{ awaits: boolean }>(
    "SELECT status > 'pending' AND status < 'shipped' AS awaits FROM orders WHERE id = $1",
    [id],
  );
  return rows[0].awaits;
}

function knownStatus(status: string): Status | 'other' {
  return (STATUSES as readonly string[]).includes(status) ? (status as Status) : 'other';
}
// #endregion queries
