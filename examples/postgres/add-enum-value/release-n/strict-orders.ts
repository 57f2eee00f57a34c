import type { Db } from '../../../harness/index.ts';
import { STATUSES, type Status } from './orders.ts';

// A release N that validates what it reads against the statuses it knows, as a schema validator
// with a closed enum does. It works until a row holds a value added for a later release.

// #region strict
export async function findOrderStrict(db: Db, id: string): Promise<{ id: string; status: Status } | undefined> {
  const { rows } = await db.query<{ id: string; status: string }>('SELECT id, status FROM orders WHERE id = $1', [id]);
  return rows.map((row) => ({ id: row.id, status: parseStatus(row.status) }))[0];
}

function parseStatus(status: string): Status {
  if (!(STATUSES as readonly string[]).includes(status)) throw new Error(`Unknown order status: ${status}`);
  return status as Status;
}
// #endregion strict
