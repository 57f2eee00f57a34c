import { sql, type Kysely } from 'kysely';

// #region up
// Release N, still running during the rollout, queries customers: the view keeps that name working.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`SET LOCAL lock_timeout = '2s'`.execute(db);
  await db.schema.alterTable('customers').renameTo('clients').execute();
  await db.schema.createView('customers').as(db.selectFrom('clients').selectAll()).execute();
}
// #endregion up

export async function down(db: Kysely<any>): Promise<void> {
  await sql`SET LOCAL lock_timeout = '2s'`.execute(db);
  await db.schema.dropView('customers').execute();
  await db.schema.alterTable('clients').renameTo('customers').execute();
}
