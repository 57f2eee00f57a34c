import { describe, expect, it } from 'vitest';
import { lines, lintMigration } from './record-migration.ts';

const PAYLOAD_TRANSACTION = {
  wrapped: true,
  reason: 'Payload runs each migration in its own transaction and passes that transaction as `db`',
  optOut:
    "set the database adapter's `transactionOptions: false` (Payload has no per-migration opt-out, so this turns transactions off for every migration)",
};

describe('Drizzle TypeScript migrations (Payload)', () => {
  it('reads the multi-statement template `payload migrate:create` writes', () => {
    const migration = lines(
      "import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'",
      '',
      'export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {',
      '  await db.execute(sql`',
      '   CREATE TYPE "public"."enum_posts_status" AS ENUM(\'draft\', \'published\');',
      '  ALTER TABLE "posts" ADD COLUMN "status" "enum_posts_status" DEFAULT \'draft\';',
      '  CREATE INDEX IF NOT EXISTS "posts_status_idx" ON "posts" USING btree ("status");',
      '  ALTER TABLE "posts" DROP COLUMN IF EXISTS "legacy_state";`)',
      '}',
      '',
      'export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {',
      '  await db.execute(sql`',
      '   ALTER TABLE "posts" ADD COLUMN "legacy_state" varchar;',
      '  DROP INDEX IF EXISTS "posts_status_idx";',
      '  ALTER TABLE "posts" DROP COLUMN IF EXISTS "status";',
      '  DROP TYPE "public"."enum_posts_status";`)',
      '}',
    );
    const result = lintMigration(migration, 'src/migrations/20250101_120000_posts_status.ts');
    expect(result.migration).toMatchObject({ tool: 'drizzle', transaction: PAYLOAD_TRANSACTION });
    expect(result.reports).toEqual([
      ['require-lock-timeout', 6, 3],
      ['require-concurrent-index-creation', 7, 3],
      ['require-lock-timeout', 7, 3],
      ['no-drop-column', 8, 3],
      ['require-lock-timeout', 8, 3],
    ]);
    expect(result.operations).toMatchObject([
      // CREATE TYPE: how the SQL core names it is not this frontend's business, only where it is.
      { origin: 'sql', direction: 'up', at: [5, 4] },
      { kind: 'addColumn', table: 'posts', column: { name: 'status', type: 'enum_posts_status', default: { text: "'draft'" } }, at: [6, 3] },
      { kind: 'createIndex', table: 'posts', name: 'posts_status_idx', concurrently: false, ifNotExists: true, at: [7, 3] },
      { kind: 'dropColumn', table: 'posts', column: 'legacy_state', at: [8, 3] },
      { kind: 'addColumn', direction: 'down', at: [13, 4] },
      { kind: 'dropIndex', names: ['posts_status_idx'], direction: 'down', at: [14, 3] },
      { kind: 'dropColumn', column: 'status', direction: 'down', at: [15, 3] },
      { origin: 'sql', direction: 'down', at: [16, 3] },
    ]);
  });

  it('reports CONCURRENTLY in the transaction Payload opens, with sql.identifier, sql.raw and parameters', () => {
    const migration = lines(
      "import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'",
      '',
      'export async function up({ db }: MigrateUpArgs): Promise<void> {',
      "  const table = 'media'",
      "  await db.execute(sql`SET LOCAL lock_timeout = '5s'`)",
      '  await db.execute(sql`CREATE INDEX CONCURRENTLY "media_filename_idx" ON ${sql.identifier(table)} ("filename")`)',
      '  await db.execute(sql`UPDATE "media" SET "alt" = ${\'untitled\'} WHERE "alt" IS NULL`)',
      '  await db.execute(sql.raw(`ALTER TABLE "media" RENAME COLUMN "caption" TO "description"`))',
      '}',
      '',
      'export async function down({ db }: MigrateDownArgs): Promise<void> {',
      '  await db.execute(sql`DROP INDEX CONCURRENTLY IF EXISTS "media_filename_idx"`)',
      '}',
    );
    const result = lintMigration(migration, 'src/migrations/20250102_120000_media.ts');
    expect(result.reports).toEqual([
      ['no-concurrently-in-transaction', 6, 24],
      ['no-rename-column', 8, 29],
      ['no-concurrently-in-transaction', 12, 24],
    ]);
    expect(result.messages.find((message) => message.line === 6)?.message).toBe(
      `CREATE INDEX CONCURRENTLY cannot run inside a transaction block, and ${PAYLOAD_TRANSACTION.reason}: the migration fails when it runs. To run it, ${PAYLOAD_TRANSACTION.optOut}, and keep this statement alone in its migration.`,
    );
    expect(result.operations).toMatchObject([
      { kind: 'setting', name: 'lock_timeout', value: '5s', local: true, at: [5, 24] },
      // `sql.identifier(table)` of a variable: a table name known only when the migration runs.
      { kind: 'createIndex', table: 'lu_param_0', name: 'media_filename_idx', concurrently: true, at: [6, 24] },
      { kind: 'dataChange', statement: 'update', table: 'media', hasWhere: true, at: [7, 24] },
      { kind: 'renameColumn', table: 'media', column: 'caption', newName: 'description', at: [8, 29] },
      { kind: 'dropIndex', names: ['media_filename_idx'], concurrently: true, direction: 'down', at: [12, 24] },
    ]);
  });
});

describe('Drizzle TypeScript migrations run by custom code', () => {
  it('reads drizzle-orm `sql` templates and leaves the transaction to the runner', () => {
    const migration = lines(
      "import { sql } from 'drizzle-orm';",
      "import type { NodePgDatabase } from 'drizzle-orm/node-postgres';",
      '',
      'export async function up(db: NodePgDatabase): Promise<void> {',
      '  await db.execute(sql`CREATE INDEX CONCURRENTLY IF NOT EXISTS "users_email_idx" ON "users" ("email")`);',
      '  await db.execute(sql`ALTER TABLE "users" DROP COLUMN "legacy"`);',
      '}',
    );
    const result = lintMigration(migration, 'migrations/0001_users_email.ts');
    expect(result.migration).toMatchObject({ tool: 'drizzle', transaction: { wrapped: undefined } });
    expect(result.reports).toEqual([
      ['no-drop-column', 6, 24],
      ['require-lock-timeout', 6, 24],
    ]);
    expect(result.operations).toMatchObject([
      { kind: 'createIndex', table: 'users', concurrently: true, ifNotExists: true, at: [5, 24] },
      { kind: 'dropColumn', table: 'users', column: 'legacy', at: [6, 24] },
    ]);
  });
});
