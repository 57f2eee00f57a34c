import { sql, type Kysely } from 'kysely';

// #region up
// The Migrator runs without transactions here, so the migration opens one for SET LOCAL to last.
// Kysely's createIndex has no ON ONLY, so the statement is raw SQL.
export async function up(db: Kysely<any>): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await sql`SET LOCAL lock_timeout = '2s'`.execute(trx);
    await sql`CREATE INDEX measurements_device_idx ON ONLY measurements (device_id, recorded_at)`.execute(trx);
  });
}
// #endregion up

export async function down(db: Kysely<any>): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await sql`SET LOCAL lock_timeout = '2s'`.execute(trx);
    await trx.schema.dropIndex('measurements_device_idx').execute();
  });
}
