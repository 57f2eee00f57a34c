import { describe, expect, it } from 'vitest';
import rule from '../../src/rules/no-manual-transaction.ts';
import { knexMigration, kyselyMigration, mikroOrmMigration, nodePgMigrateMigration, payloadMigration, ruleTester, sequelizeMigration, typeormMigration } from '../fixtures.ts';
import { lintSql } from '../languages/lint-sql.ts';

const noTransaction = { config: 'export const config = { transaction: false };' };
const knexReason = 'Knex runs every migration inside a transaction (a whole batch in one when none opts out)';
const knexOptOut = 'export `const config = { transaction: false }` from the migration';

ruleTester().run('no-manual-transaction', rule, {
  valid: [
    // Outside the tool's transaction, an explicit BEGIN … COMMIT groups statements.
    knexMigration(`  await knex.raw('BEGIN');
  await knex.raw('ALTER TABLE users ADD COLUMN nickname text');
  await knex.raw('COMMIT');`, noTransaction),
    knexMigration("  await knex.raw('BEGIN; UPDATE users SET nickname = name WHERE id < 1000; ROLLBACK;');", noTransaction),
    // The tool's own transaction API is not a manual transaction.
    knexMigration(`  await knex.transaction(async (trx) => {
    await trx.raw('ALTER TABLE users ADD COLUMN nickname text');
  });`, noTransaction),
    // `down` is not checked by default.
    knexMigration('', { down: "  await knex.raw('BEGIN');" }),
    // Sequelize's own transaction API.
    sequelizeMigration(`    await queryInterface.sequelize.transaction(async (transaction) => {
      await queryInterface.addColumn('users', 'nickname', { type: Sequelize.TEXT }, { transaction });
    });`),
  ],
  invalid: [
    {
      code: knexMigration(`  await knex.raw('BEGIN');
  await knex.raw('ALTER TABLE users ADD COLUMN nickname text');
  await knex.raw('COMMIT');`),
      errors: [
        { messageId: 'beginInToolTransaction', line: 4, column: 19, data: { reason: knexReason, optOut: knexOptOut } },
        { messageId: 'endsToolTransaction', line: 6, column: 19, data: { reason: knexReason, optOut: knexOptOut, action: 'COMMIT' } },
      ],
    },
    {
      // Committing mid-migration to run the next statement outside the transaction.
      code: kyselyMigration(`  await sql\`COMMIT\`.execute(db);
  await sql\`CREATE INDEX CONCURRENTLY users_email_idx ON users (email)\`.execute(db);`),
      errors: [{ messageId: 'endsToolTransaction', line: 4, column: 13, data: { action: 'COMMIT', reason: "Kysely's Migrator runs all pending migrations in one transaction on Postgres", optOut: "create the Migrator with `disableTransactions: true` and tell the linter with settings['live-upgrade'].kysely.disableTransactions" } }],
    },
    {
      code: knexMigration(`  await knex.raw('BEGIN');
  await knex.raw('UPDATE users SET nickname = name');`, noTransaction),
      errors: [{ messageId: 'uncommitted', line: 4, column: 19 }],
    },
    {
      code: knexMigration("  await knex.raw('BEGIN; UPDATE users SET nickname = name WHERE id < 1000; BEGIN; UPDATE users SET nickname = name WHERE id >= 1000; COMMIT;');", noTransaction),
      errors: [{ messageId: 'nestedBegin', line: 4, column: 76 }],
    },
    {
      code: mikroOrmMigration("    this.addSql(`commit;`);\n    this.addSql(`create index concurrently \"user_email_index\" on \"user\" (\"email\");`);"),
      errors: [{ messageId: 'endsToolTransaction', line: 6, column: 18, data: { action: 'COMMIT', reason: 'MikroORM runs each migration in a transaction (`transactional: true`), inside one for the whole run (`allOrNothing: true`)', optOut: 'override `isTransactional()` to return false and set `allOrNothing: false` in the migrations config too: with the default `true` the run keeps a master transaction open and a CONCURRENTLY statement waits on it forever (mikro-orm#4775)' } }],
    },
    {
      code: payloadMigration('  await db.execute(sql`BEGIN`);\n  await db.execute(sql`ALTER TABLE "users" ADD COLUMN "nickname" varchar`);\n  await db.execute(sql`COMMIT`);'),
      errors: [
        { messageId: 'beginInToolTransaction', line: 4, column: 24 },
        { messageId: 'endsToolTransaction', line: 6, column: 24 },
      ],
    },
    {
      code: typeormMigration('        await queryRunner.query(`COMMIT`);\n        await queryRunner.query(`CREATE INDEX CONCURRENTLY "IDX_user_email" ON "user" ("email") `);'),
      errors: [{ messageId: 'endsToolTransaction', line: 6, column: 34 }],
    },
    {
      code: nodePgMigrateMigration("  pgm.sql('BEGIN');\n  pgm.addColumns('users', { nickname: { type: 'text' } });\n  pgm.sql('COMMIT');", ''),
      errors: [
        { messageId: 'beginInToolTransaction', line: 6, column: 12 },
        { messageId: 'endsToolTransaction', line: 8, column: 12 },
      ],
    },
    {
      // Sequelize does not wrap the migration: a raw BEGIN that nothing commits.
      code: sequelizeMigration(`    await queryInterface.sequelize.query('BEGIN');
    await queryInterface.addColumn('users', 'nickname', { type: Sequelize.TEXT });`),
      errors: [{ messageId: 'uncommitted', line: 6, column: 43 }],
    },
    {
      code: knexMigration('', { down: "  await knex.raw('BEGIN');" }),
      options: [{ checkDown: true }],
      errors: [{ messageId: 'beginInToolTransaction', line: 8, column: 19 }],
    },
  ],
});

ruleTester({ kysely: { disableTransactions: true } }).run('no-manual-transaction (Kysely without transactions)', rule, {
  valid: [kyselyMigration("  await sql`BEGIN`.execute(db);\n  await sql`ALTER TABLE users ADD COLUMN nickname text`.execute(db);\n  await sql`COMMIT`.execute(db);")],
  invalid: [
    {
      code: kyselyMigration("  await sql`START TRANSACTION`.execute(db);\n  await sql`ALTER TABLE users ADD COLUMN nickname text`.execute(db);"),
      errors: [{ messageId: 'uncommitted', line: 4, column: 13 }],
    },
  ],
});

describe('no-manual-transaction in .sql files', () => {
  const reports = (code: string, filename: string, settings = {}) =>
    lintSql(code, filename, settings)
      .filter((message) => message.ruleId === 'live-upgrade/no-manual-transaction')
      .map(({ messageId, line, column }) => ({ messageId, line, column }));

  it('reports BEGIN and COMMIT in a file node-pg-migrate already wraps', () => {
    const code = `-- Up Migration
BEGIN;
ALTER TABLE users ADD COLUMN nickname text;
COMMIT;
`;
    expect(reports(code, 'migrations/1700000000000_nickname.sql')).toEqual([
      { messageId: 'beginInToolTransaction', line: 2, column: 1 },
      { messageId: 'endsToolTransaction', line: 4, column: 1 },
    ]);
  });

  it('accepts BEGIN … COMMIT in a Prisma migration.sql, where it turns the implicit transaction into an explicit one', () => {
    const code = `BEGIN;
CREATE TYPE "Role_new" AS ENUM ('USER', 'ADMIN');
ALTER TABLE "User" ALTER COLUMN "role" TYPE "Role_new" USING ("role"::text::"Role_new");
COMMIT;
`;
    expect(reports(code, 'prisma/migrations/20240101000000_role/migration.sql')).toEqual([]);
  });

  it('reports BEGIN without COMMIT in a plain file', () => {
    expect(reports('BEGIN;\nUPDATE users SET nickname = name;\n', 'migrations/0003_nickname.sql')).toEqual([{ messageId: 'uncommitted', line: 1, column: 1 }]);
  });
});
