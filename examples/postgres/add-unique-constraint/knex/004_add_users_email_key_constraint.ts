import type { Knex } from 'knex';

// #region up
// The index exists and is valid: turning it into a constraint takes ACCESS EXCLUSIVE on users
// for a moment, without building or scanning anything. Knex has no builder for USING INDEX.
export async function up(knex: Knex): Promise<void> {
  await knex.raw("SET LOCAL lock_timeout = '2s'");
  await knex.raw('ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE USING INDEX users_email_key');
}
// #endregion up

// Dropping the constraint drops its index too: the down of 003 then has nothing left to drop.
export async function down(knex: Knex): Promise<void> {
  await knex.raw("SET LOCAL lock_timeout = '2s'");
  await knex.raw('ALTER TABLE users DROP CONSTRAINT users_email_key');
}
