import { sql, type Kysely } from 'kysely';

// #region up
// The column's NOT NULL now does the CHECK's job.
export async function up(db: Kysely<any>): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await sql`SET LOCAL lock_timeout = '2s'`.execute(trx);
    await trx.schema.alterTable('accounts').dropConstraint('accounts_search_name_check').execute();
  });
}
// #endregion up

export async function down(db: Kysely<any>): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await sql`SET LOCAL lock_timeout = '2s'`.execute(trx);
    await sql`ALTER TABLE accounts ADD CONSTRAINT accounts_search_name_check CHECK (search_name IS NOT NULL) NOT VALID`.execute(trx);
  });
}
