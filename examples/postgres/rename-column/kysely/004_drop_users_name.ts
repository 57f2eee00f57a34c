import { sql, type Kysely } from 'kysely';

// #region up
// Contract: runs once no instance of release N is left. Nothing reads or writes name any more.
export async function up(db: Kysely<any>): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await sql`SET LOCAL lock_timeout = '2s'`.execute(trx);
    await sql`DROP TRIGGER users_sync_full_name ON users`.execute(trx);
    await sql`DROP FUNCTION users_sync_full_name()`.execute(trx);
    // eslint-disable-next-line live-upgrade/no-drop-column -- renamed to full_name; unused since release N+1
    await trx.schema.alterTable('users').dropColumn('name').execute();
  });
}
// #endregion up

// Brings name back, filled from full_name, but not the trigger: roll back 002 next.
export async function down(db: Kysely<any>): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await sql`SET LOCAL lock_timeout = '2s'`.execute(trx);
    await trx.schema.alterTable('users').addColumn('name', 'text').execute();
    await sql`UPDATE users SET name = full_name`.execute(trx);
  });
}
