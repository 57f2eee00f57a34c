import type { Knex } from 'knex';

// #region up
// Scans products under SHARE UPDATE EXCLUSIVE: reads and writes go on. It ships in a later deploy
// than 002: run in the same batch, it would share 002's transaction and its ACCESS EXCLUSIVE lock.
export async function up(knex: Knex): Promise<void> {
  await knex.raw('ALTER TABLE products VALIDATE CONSTRAINT products_discount_check');
}
// #endregion up

// A validated constraint is dropped by the down of 002.
export async function down(): Promise<void> {}
