import type { Knex } from 'knex';

// #region up
// Scans orders under SHARE UPDATE EXCLUSIVE (ROW SHARE on customers): reads and writes go on.
// A migration of its own, so no stronger lock from an earlier statement is still held.
export async function up(knex: Knex): Promise<void> {
  await knex.raw('ALTER TABLE orders VALIDATE CONSTRAINT orders_customer_id_fkey');
}
// #endregion up

// A validated constraint is dropped by the down of 002.
export async function down(): Promise<void> {}
