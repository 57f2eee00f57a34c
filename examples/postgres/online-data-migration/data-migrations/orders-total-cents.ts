import type { Db } from '../../../harness/index.ts';
import { parseTotal } from '../release-n1/money.ts';

/** What one call of a data migration did: rows that needed it, and rows it migrated. */
export interface MigrationCount {
  found: number;
  done: number;
}

export interface BatchOptions {
  /** Rows per transaction: the most rows whose locks are held at once. */
  batchSize?: number;
  /** Called after each committed batch, with how long it held its row locks. */
  onBatch?: (batch: MigrationCount & { lockedMs: number }) => void;
}

// #region migrate
/**
 * Fills orders.total_cents from the legacy text, at most `maxCount` rows per call, walking the
 * primary key in batches that each commit on their own. Only rows still without total_cents are
 * selected, so a second run, or a run after a crash, starts where the work is. A total that is not
 * an amount is found but not done, and stays as it is for someone to look at.
 */
export async function migrateOrdersTotalCents(db: Db, maxCount: number, { batchSize = 1_000, onBatch }: BatchOptions = {}): Promise<MigrationCount> {
  const count: MigrationCount = { found: 0, done: 0 };
  let after = '0';
  while (count.found < maxCount) {
    await db.query('BEGIN');
    try {
      const started = performance.now();
      // FOR UPDATE: a concurrent write to one of these rows waits for this short transaction, and
      // this batch waits for a write in progress, then skips the row if it now has total_cents.
      const { rows } = await db.query<{ id: string; total: string }>(
        `SELECT id, total FROM orders WHERE id > $1 AND total_cents IS NULL ORDER BY id LIMIT $2 FOR UPDATE`,
        [after, Math.min(batchSize, maxCount - count.found)],
      );
      const parsed = rows.flatMap(({ id, total }) => {
        const cents = parseTotal(total);
        return cents === null ? [] : [{ id, cents: cents.toString() }];
      });
      if (parsed.length > 0) {
        await db.query(
          `UPDATE orders SET total_cents = batch.cents
           FROM unnest($1::bigint[], $2::bigint[]) AS batch (id, cents)
           WHERE orders.id = batch.id`,
          [parsed.map(({ id }) => id), parsed.map(({ cents }) => cents)],
        );
      }
      await db.query('COMMIT');
      if (rows.length === 0) return count;
      onBatch?.({ found: rows.length, done: parsed.length, lockedMs: performance.now() - started });
      count.found += rows.length;
      count.done += parsed.length;
      after = rows.at(-1)!.id;
    } catch (error) {
      await db.query('ROLLBACK');
      throw error;
    }
  }
  return count;
}
// #endregion migrate
