import { sql, type Kysely } from 'kysely';

// #region up
// The Migrator runs without transactions here, so the migration opens one for SET LOCAL to last.
export async function up(db: Kysely<any>): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await sql`SET LOCAL lock_timeout = '2s'`.execute(trx);
    await sql`ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE USING INDEX users_email_key`.execute(trx);
  });
}
// #endregion up

export async function down(db: Kysely<any>): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await sql`SET LOCAL lock_timeout = '2s'`.execute(trx);
    await trx.schema.alterTable('users').dropConstraint('users_email_key').execute();
  });
}
