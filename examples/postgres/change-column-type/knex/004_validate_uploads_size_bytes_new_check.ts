import type { Knex } from 'knex';

// #region up
// Scans the table under SHARE UPDATE EXCLUSIVE, which lets reads and writes go on.
export async function up(knex: Knex): Promise<void> {
  await knex.raw('ALTER TABLE uploads VALIDATE CONSTRAINT uploads_size_bytes_new_not_null');
}
// #endregion up

// Knex requires a down; a validated constraint is dropped by the down of 002.
export async function down(): Promise<void> {}
