import { setTimeout as sleep } from 'node:timers/promises';
import { sql, type Kysely } from 'kysely';

// #region up
// Needs a Migrator created with `disableTransactions: true` (see migrator.ts): each attempt runs
// in a transaction of its own, so a lock timeout rolls back only that attempt.
const ATTEMPTS = 5;
const FIRST_PAUSE_MS = 500; // doubled after each timeout: 0.5 s, 1 s, 2 s, 4 s

export async function up(db: Kysely<any>): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await db.transaction().execute(async (trx) => {
        await sql`SET LOCAL lock_timeout = '1s'`.execute(trx);
        await trx.schema.alterTable('orders').addColumn('gift_message', 'text').execute();
      });
      return;
    } catch (error) {
      const lockTimeout = (error as { code?: string }).code === '55P03'; // lock_not_available
      if (!lockTimeout || attempt === ATTEMPTS) throw error;
      await sleep(FIRST_PAUSE_MS * 2 ** (attempt - 1));
    }
  }
}
// #endregion up

export async function down(db: Kysely<any>): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await sql`SET LOCAL lock_timeout = '1s'`.execute(trx);
    await trx.schema.alterTable('orders').dropColumn('gift_message').execute();
  });
}
