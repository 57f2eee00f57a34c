import { sql, type Kysely } from 'kysely';

// #region up
// Contract: runs once no instance of release N is left. Release N+1 neither reads nor writes nickname.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`SET LOCAL lock_timeout = '2s'`.execute(db);
  // eslint-disable-next-line live-upgrade/no-drop-column -- unused since release N+1 (002 made it nullable)
  await db.schema.alterTable('users').dropColumn('nickname').execute();
}
// #endregion up

export async function down(db: Kysely<any>): Promise<void> {
  await sql`SET LOCAL lock_timeout = '2s'`.execute(db);
  await db.schema.alterTable('users').addColumn('nickname', 'text').execute();
}
