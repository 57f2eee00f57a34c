import { describe, expect, it } from 'vitest';
import { lintSql, migrationOf, reports } from './lint-sql.ts';

const RULES = [
  'no-concurrently-in-transaction',
  'no-drop-column',
  'no-rename-column',
  'require-concurrent-index-creation',
  'require-lock-timeout',
];

const at = (rule: string, line: number, column: number, endLine: number, endColumn: number) => ({
  ruleId: `live-upgrade/${rule}`,
  line,
  column,
  endLine,
  endColumn,
});

describe('Prisma migration.sql', () => {
  const path = 'prisma/migrations/20240115103000_user_email/migration.sql';
  // As `prisma migrate dev` writes it: a Warnings header and a comment naming each step.
  const generated = `/*
  Warnings:

  - You are about to drop the column \`nickname\` on the \`User\` table. All the data in the column will be lost.

*/
-- AlterTable
ALTER TABLE "User" DROP COLUMN "nickname",
ADD COLUMN     "age" INTEGER;

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");
`;

  it('reports each statement where it is', () => {
    const rules = ['no-drop-column', 'require-concurrent-index-creation'];
    expect(reports(lintSql(generated, path), rules)).toEqual([
      at('no-drop-column', 8, 1, 9, 29),
      at('require-concurrent-index-creation', 12, 1, 12, 56),
    ]);
  });

  it('reads the file as Prisma runs it: one implicit transaction for several statements by default', () => {
    expect(migrationOf(generated, path)).toMatchObject({ tool: 'prisma', transaction: { wrapped: true } });
    expect(migrationOf('CREATE INDEX CONCURRENTLY "User_email_idx" ON "User"("email");\n', path).transaction.wrapped).toBe(false);
    expect(migrationOf(generated, path, { prisma: { engine: 'split' } }).transaction.wrapped).toBe(false);
  });

  // Edited after `prisma migrate dev --create-only`: CONCURRENTLY next to another statement.
  const edited = `-- CreateIndex
CREATE INDEX CONCURRENTLY "User_email_idx" ON "User"("email");

-- AlterTable
ALTER TABLE "User" ADD COLUMN "age" INTEGER;
`;

  it('reports CONCURRENTLY in a batch with other statements, with the Prisma reason', () => {
    const [report] = lintSql(edited, path).filter((m) => m.ruleId === 'live-upgrade/no-concurrently-in-transaction');
    expect(report).toMatchObject({ line: 2, column: 1, endLine: 2, endColumn: 62 });
    expect(report?.message).toContain('Prisma sends the whole migration.sql as one query');
    expect(report?.message).toContain('move it to a migration.sql of its own');
  });

  it("does not report it when the engine runs each statement on its own ('split')", () => {
    const messages = lintSql(edited, path, { prisma: { engine: 'split' } });
    expect(messages.filter((m) => m.ruleId === 'live-upgrade/no-concurrently-in-transaction')).toEqual([]);
  });
});

describe('Drizzle', () => {
  // As drizzle-kit generate writes it (0.x layout), with one statement edited to CONCURRENTLY.
  const generated = `ALTER TABLE "users" ADD COLUMN "age" integer;--> statement-breakpoint
ALTER TABLE "users" RENAME COLUMN "nick" TO "nickname";--> statement-breakpoint
CREATE INDEX "users_email_idx" ON "users" USING btree ("email");--> statement-breakpoint
CREATE INDEX CONCURRENTLY "users_age_idx" ON "users" USING btree ("age");`;

  it('reports each statement between the breakpoints, and CONCURRENTLY inside migrate()', () => {
    expect(reports(lintSql(generated, 'drizzle/0003_wooden_hunter.sql'), RULES)).toEqual([
      at('require-lock-timeout', 1, 1, 1, 45),
      at('no-rename-column', 2, 1, 2, 55),
      at('require-lock-timeout', 2, 1, 2, 55),
      at('require-concurrent-index-creation', 3, 1, 3, 64),
      at('require-lock-timeout', 3, 1, 3, 64),
      at('no-concurrently-in-transaction', 4, 1, 4, 73),
    ]);
    const [concurrently] = lintSql(generated, 'drizzle/0003_wooden_hunter.sql').filter(
      (m) => m.ruleId === 'live-upgrade/no-concurrently-in-transaction',
    );
    expect(concurrently?.message).toContain("Drizzle's migrate() runs all pending migrations in one transaction");
  });

  it('is recognised by its breakpoints outside a drizzle folder, and by its folder in the 1.0 layout', () => {
    expect(migrationOf(generated, 'db/migrations/0003_wooden_hunter.sql')).toMatchObject({ tool: 'drizzle', transaction: { wrapped: true } });
    expect(migrationOf('CREATE INDEX "i" ON "t" ("c");', 'drizzle/20250101120000_init/migration.sql').tool).toBe('drizzle');
  });

  it('parses each piece on its own, as the migrator sends them', () => {
    const broken = `ALTER TABLE "users" ADDD COLUMN "age" integer;--> statement-breakpoint
ALTER TABLE "users" DROP COLUMN "nick";`;
    expect(reports(lintSql(broken, 'drizzle/0004_broken.sql'), ['no-sql-syntax-error', 'no-drop-column'])).toEqual([
      at('no-sql-syntax-error', 1, 21, 1, 22),
      at('no-drop-column', 2, 1, 2, 39),
    ]);
  });
});

describe('graphile-migrate', () => {
  const header = `--! Previous: sha1:0f3c6d8e4b5a29a1c2d3e4f5a6b7c8d9e0f1a2b3
--! Hash: sha1:9ab1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9
--! Message: users email idx

`;
  const createConcurrently = 'create index concurrently if not exists users_email_idx on app_public.users (email);\n';
  const path = 'migrations/committed/000012-users-email-idx.sql';

  it('runs a body that starts with --! no-transaction outside a transaction', () => {
    const committed = `${header}--! no-transaction\n${createConcurrently}`;
    expect(migrationOf(committed, path)).toMatchObject({ tool: 'graphile-migrate', transaction: { wrapped: false } });
    expect(reports(lintSql(committed, path), RULES)).toEqual([]);
  });

  it('wraps any other body in begin … commit', () => {
    const wrapped = `${header}${createConcurrently}`;
    const [report] = lintSql(wrapped, path).filter((m) => m.ruleId === 'live-upgrade/no-concurrently-in-transaction');
    expect(report).toMatchObject({ line: 5, column: 1, endLine: 5, endColumn: 84 });
    expect(report?.message).toContain('put `--! no-transaction` on the first line of the migration body');
  });

  it('still has a transaction when a --! no-transaction body holds several statements', () => {
    const current = `--! no-transaction\ndrop index concurrently if exists users_email_idx;\n${createConcurrently}`;
    expect(migrationOf(current, 'migrations/current.sql')).toMatchObject({ tool: 'graphile-migrate', transaction: { wrapped: true } });
    expect(reports(lintSql(current, 'migrations/current.sql'), ['no-concurrently-in-transaction'])).toEqual([
      at('no-concurrently-in-transaction', 2, 1, 2, 50),
      at('no-concurrently-in-transaction', 3, 1, 3, 84),
    ]);
  });
});

describe('node-pg-migrate SQL migrations', () => {
  // `node-pg-migrate create --migration-file-language sql` writes the two markers.
  const migration = `-- Up Migration
CREATE INDEX CONCURRENTLY users_email_idx ON users (email);
ALTER TABLE users DROP COLUMN nickname;

-- Down Migration
ALTER TABLE users ADD COLUMN nickname text;
DROP INDEX users_email_idx;
ALTER TABLE users DROP COLUMN email_verified;
`;
  const path = 'migrations/1705314600000_users-email.sql';

  it('splits up from down at the markers', () => {
    const result = migrationOf(migration, path);
    expect(result.tool).toBe('node-pg-migrate');
    expect(result.transaction.wrapped).toBe(true);
    expect(result.operations.map((op) => [op.kind, op.direction, op.loc.start.line])).toEqual([
      ['createIndex', 'up', 2],
      ['dropColumn', 'up', 3],
      ['addColumn', 'down', 6],
      ['dropIndex', 'down', 7],
      ['dropColumn', 'down', 8],
    ]);
  });

  it('checks the up migration by default, and the down one where a rule is asked to', () => {
    expect(reports(lintSql(migration, path), RULES)).toEqual([
      at('no-concurrently-in-transaction', 2, 1, 2, 59),
      at('no-drop-column', 3, 1, 3, 39),
      at('require-lock-timeout', 3, 1, 3, 39),
    ]);
    const checkDown = lintSql(migration, path, {}, { 'live-upgrade/no-drop-column': ['error', { checkDown: true }] });
    expect(reports(checkDown, ['no-drop-column'])).toEqual([at('no-drop-column', 3, 1, 3, 39), at('no-drop-column', 8, 1, 8, 45)]);
  });

  it('does not run what precedes the up marker', () => {
    const result = migrationOf(`ALTER TABLE users DROP COLUMN a;\n-- up migration\nSELECT 1;\n`, path);
    expect(result.operations.map((op) => op.kind)).toEqual(['other']);
  });
});

describe('plain SQL files', () => {
  const path = 'db/migrate/0042_users_email.sql';

  it('does not guess a transaction for a tool it does not know', () => {
    const code = 'CREATE INDEX CONCURRENTLY users_email_idx ON users (email);\n';
    expect(migrationOf(code, path)).toMatchObject({ tool: 'sql', transaction: { wrapped: undefined } });
    expect(reports(lintSql(code, path), RULES)).toEqual([]);
  });

  it('reports CONCURRENTLY after an explicit BEGIN', () => {
    const code = 'BEGIN;\nCREATE INDEX CONCURRENTLY users_email_idx ON users (email);\nCOMMIT;\n';
    const [report] = reports(lintSql(code, path), ['no-concurrently-in-transaction']);
    expect(report).toEqual(at('no-concurrently-in-transaction', 2, 1, 2, 59));
  });
});
