import { sql, type Kysely } from 'kysely';

// #region up
// NOT VALID: rows written from now on are checked, the existing ones are not scanned.
export async function up(db: Kysely<any>): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await sql`SET LOCAL lock_timeout = '2s'`.execute(trx);
    await sql`ALTER TABLE accounts ADD CONSTRAINT accounts_search_name_check CHECK (search_name IS NOT NULL) NOT VALID`.execute(trx);
  });
}
// #endregion up

export async function down(db: Kysely<any>): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await sql`SET LOCAL lock_timeout = '2s'`.execute(trx);
    await trx.schema.alterTable('accounts').dropConstraint('accounts_search_name_check').execute();
  });
}
