import { sql, type Kysely } from 'kysely';

// #region up
// Contract: runs once no instance of release N is left. Release N+1 neither reads nor writes login_events.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`SET LOCAL lock_timeout = '2s'`.execute(db);
  // eslint-disable-next-line live-upgrade/no-drop-table -- unused since release N+1, which no longer records logins
  await db.schema.dropTable('login_events').execute();
}
// #endregion up

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('login_events')
    .addColumn('id', 'bigint', (column) => column.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('user_id', 'bigint', (column) => column.notNull().references('users.id'))
    .addColumn('user_agent', 'text')
    .addColumn('at', 'timestamptz', (column) => column.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('login_events_user_id_index').on('login_events').column('user_id').execute();
}
