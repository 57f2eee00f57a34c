import type { MigrationBuilder } from 'node-pg-migrate';

export async function up(pgm: MigrationBuilder): Promise<void> {
  // No unique email yet: a double-submitted sign-up of release N stores the same user twice.
  pgm.createTable('users', {
    id: { type: 'bigint', primaryKey: true, sequenceGenerated: { precedence: 'ALWAYS' } },
    email: { type: 'text' },
    display_name: { type: 'text', notNull: true },
    bio: { type: 'text' },
  });
}

export async function down(pgm: MigrationBuilder): Promise<void> {
  pgm.dropTable('users');
}
