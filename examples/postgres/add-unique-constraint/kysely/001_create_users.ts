import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  // No unique email yet: a double-submitted sign-up of release N stores the same user twice.
  await db.schema
    .createTable('users')
    .addColumn('id', 'bigint', (column) => column.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('email', 'text')
    .addColumn('display_name', 'text', (column) => column.notNull())
    .addColumn('bio', 'text')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('users').execute();
}
