import type { MigrationBuilder } from 'node-pg-migrate';

// #region up
// Contract: runs once no instance of release N is left. Release N+1 neither reads nor writes login_events.
export async function up(pgm: MigrationBuilder): Promise<void> {
  pgm.sql("SET LOCAL lock_timeout = '2s'");
  // eslint-disable-next-line live-upgrade/no-drop-table -- unused since release N+1, which no longer records logins
  pgm.dropTable('login_events');
}
// #endregion up

export async function down(pgm: MigrationBuilder): Promise<void> {
  pgm.createTable('login_events', {
    id: { type: 'bigint', primaryKey: true, sequenceGenerated: { precedence: 'ALWAYS' } },
    user_id: { type: 'bigint', notNull: true, references: 'users' },
    user_agent: { type: 'text' },
    at: { type: 'timestamptz', notNull: true, default: pgm.func('now()') },
  });
  pgm.createIndex('login_events', 'user_id');
}
