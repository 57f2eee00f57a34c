import { sql, type Kysely } from 'kysely';

// #region up
// Contract: runs once no instance of release N is left. Release N+1 queries clients only.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`SET LOCAL lock_timeout = '2s'`.execute(db);
  await db.schema.dropView('customers').execute();
}
// #endregion up

export async function down(db: Kysely<any>): Promise<void> {
  await sql`SET LOCAL lock_timeout = '2s'`.execute(db);
  await db.schema.createView('customers').as(db.selectFrom('clients').selectAll()).execute();
}
