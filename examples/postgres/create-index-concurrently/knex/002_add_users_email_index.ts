import type { Knex } from 'knex';

// #region up
// CREATE INDEX CONCURRENTLY cannot run inside a transaction block, and Knex wraps every
// migration in one unless the migration opts out.
export const config = { transaction: false };

export async function up(knex: Knex): Promise<void> {
  await knex.raw('CREATE INDEX CONCURRENTLY users_email_idx ON users (email)');
}
// #endregion up

// #region down
export async function down(knex: Knex): Promise<void> {
  await knex.raw('DROP INDEX CONCURRENTLY IF EXISTS users_email_idx');
}
// #endregion down
