import type { Knex } from 'knex';

// #region up
// CREATE INDEX CONCURRENTLY cannot run inside a transaction block, and Knex wraps every
// migration in one unless the migration opts out.
export const config = { transaction: false };

export async function up(knex: Knex): Promise<void> {
  await knex.raw('CREATE UNIQUE INDEX CONCURRENTLY users_email_key ON users (email)');
}
// #endregion up

export async function down(knex: Knex): Promise<void> {
  await knex.raw('DROP INDEX CONCURRENTLY IF EXISTS users_email_key');
}
