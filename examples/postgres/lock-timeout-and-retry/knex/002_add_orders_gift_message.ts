import { setTimeout as sleep } from 'node:timers/promises';
import type { Knex } from 'knex';

// #region up
// The migration opens its own transaction for each attempt, so that it can try again after a
// lock timeout: an attempt that timed out was rolled back, and the queries queued behind it ran.
export const config = { transaction: false };

const ATTEMPTS = 5;
const FIRST_PAUSE_MS = 500; // doubled after each timeout: 0.5 s, 1 s, 2 s, 4 s

export async function up(knex: Knex): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await knex.transaction(async (trx) => {
        await trx.raw("SET LOCAL lock_timeout = '1s'");
        await trx.schema.alterTable('orders', (table) => {
          table.text('gift_message');
        });
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

export async function down(knex: Knex): Promise<void> {
  await knex.transaction(async (trx) => {
    await trx.raw("SET LOCAL lock_timeout = '1s'");
    await trx.schema.alterTable('orders', (table) => {
      table.dropColumn('gift_message');
    });
  });
}
