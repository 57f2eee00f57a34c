import { describe, expect, it } from 'vitest';
import rule from '../../src/rules/prefer-robust-statements.ts';
import { knexMigration, kyselyMigration, mikroOrmMigration, nodePgMigrateMigration, ruleTester, sequelizeMigration, typeormMigration } from '../fixtures.ts';
import { lintSql } from '../languages/lint-sql.ts';

const noTransaction = { config: 'export const config = { transaction: false };' };
const sequelizeReason = 'Sequelize runs migrations without a transaction (sequelize-cli and Umzug alike)';
const knexReason = 'this migration exports `config = { transaction: false }`, so Knex runs it outside a transaction';

ruleTester().run('prefer-robust-statements', rule, {
  valid: [
    // In a transaction a failure undoes every statement, so the migration can run again as it is.
    knexMigration(`  await knex.raw('CREATE TABLE audit (id bigint)');
  await knex.raw('DROP INDEX users_email_idx');`),
    knexMigration(`  await knex.raw('CREATE INDEX CONCURRENTLY IF NOT EXISTS users_email_idx ON users (email)');
  await knex.raw('DROP INDEX CONCURRENTLY IF EXISTS users_email_old_idx');
  await knex.raw('ALTER TABLE users ADD COLUMN IF NOT EXISTS nickname text, DROP COLUMN IF EXISTS legacy');
  await knex.raw('CREATE TABLE IF NOT EXISTS audit (id bigint)');
  await knex.raw('DROP TABLE IF EXISTS legacy_sessions');`, noTransaction),
    knexMigration(`  await knex.schema.createTableIfNotExists('audit', (table) => table.bigIncrements('id'));
  await knex.schema.dropTableIfExists('legacy_sessions');
  await knex.transaction(async (trx) => {
    await trx.schema.alterTable('users', (table) => table.text('nickname'));
  });`, noTransaction),
  ],
  invalid: [
    {
      code: knexMigration("  await knex.raw('CREATE INDEX CONCURRENTLY users_email_idx ON users (email)');", noTransaction),
      errors: [
        {
          messageId: 'unguarded',
          line: 4,
          column: 19,
          data: { statement: 'CREATE INDEX', guard: 'IF NOT EXISTS', reason: knexReason },
          suggestions: [
            {
              messageId: 'addGuard',
              data: { guard: 'IF NOT EXISTS' },
              output: knexMigration("  await knex.raw('CREATE INDEX CONCURRENTLY IF NOT EXISTS users_email_idx ON users (email)');", noTransaction),
            },
          ],
        },
      ],
    },
    {
      code: knexMigration(`  await knex.raw('ALTER TABLE users ADD COLUMN nickname text');
  await knex.raw('DROP TABLE legacy_sessions');
  await knex.raw('CREATE INDEX ON users (nickname)');`, noTransaction),
      errors: [
        { messageId: 'unguarded', line: 4, column: 19, data: { statement: 'ADD COLUMN', guard: 'IF NOT EXISTS', reason: knexReason }, suggestions: [] },
        {
          messageId: 'unguarded',
          line: 5,
          column: 19,
          data: { statement: 'DROP TABLE', guard: 'IF EXISTS', reason: knexReason },
          suggestions: [
            {
              messageId: 'addGuard',
              data: { guard: 'IF EXISTS' },
              output: knexMigration(`  await knex.raw('ALTER TABLE users ADD COLUMN nickname text');
  await knex.raw('DROP TABLE IF EXISTS legacy_sessions');
  await knex.raw('CREATE INDEX ON users (nickname)');`, noTransaction),
            },
          ],
        },
        // An index without a name cannot take IF NOT EXISTS: the report has no suggestion.
        { messageId: 'unguarded', line: 6, column: 19, data: { statement: 'CREATE INDEX', guard: 'IF NOT EXISTS', reason: knexReason }, suggestions: [] },
      ],
    },
    {
      code: knexMigration(`  await knex.schema.createTable('audit', (table) => table.bigIncrements('id'));
  await knex.schema.alterTable('users', (table) => {
    table.text('nickname');
    table.dropColumn('legacy');
  });
  await knex.schema.dropTable('legacy_sessions');`, noTransaction),
      errors: [
        { messageId: 'unguarded', line: 4, column: 21, data: { statement: 'CREATE TABLE', guard: 'IF NOT EXISTS', reason: knexReason }, suggestions: [] },
        { messageId: 'unguarded', line: 6, column: 5, data: { statement: 'ADD COLUMN', guard: 'IF NOT EXISTS', reason: knexReason } },
        { messageId: 'unguarded', line: 7, column: 5, data: { statement: 'DROP COLUMN', guard: 'IF EXISTS', reason: knexReason } },
        { messageId: 'unguarded', line: 9, column: 21, data: { statement: 'DROP TABLE', guard: 'IF EXISTS', reason: knexReason } },
      ],
    },
    {
      // After an explicit COMMIT, the statements run outside the tool's transaction.
      code: knexMigration(`  await knex.raw('COMMIT');
  await knex.raw('ALTER TABLE users DROP COLUMN legacy');`),
      errors: [{ messageId: 'unguarded', line: 5, column: 19, data: { statement: 'DROP COLUMN', guard: 'IF EXISTS', reason: 'this statement runs outside a transaction' } }],
    },
  ],
});

ruleTester().run('prefer-robust-statements (Sequelize and MikroORM)', rule, {
  valid: [
    // queryInterface.createTable writes CREATE TABLE IF NOT EXISTS, dropTable and removeIndex IF EXISTS.
    sequelizeMigration(`    await queryInterface.createTable('audit', { id: { type: Sequelize.BIGINT, primaryKey: true } });
    await queryInterface.removeIndex('users', 'users_email_old', { concurrently: true });
    await queryInterface.dropTable('legacy_sessions');`),
    // Calls given the migration's own transaction are undone together.
    sequelizeMigration(`    await queryInterface.sequelize.transaction(async (transaction) => {
      await queryInterface.addColumn('users', 'nickname', { type: Sequelize.TEXT }, { transaction });
    });`),
    mikroOrmMigration('    this.addSql(`alter table "user" add column "nickname" varchar(255) null;`);'),
  ],
  invalid: [
    {
      code: sequelizeMigration(`    await queryInterface.addColumn('users', 'nickname', { type: Sequelize.TEXT });
    await queryInterface.removeColumn('users', 'legacy');
    await queryInterface.addIndex('users', ['nickname'], { name: 'users_nickname', concurrently: true });`),
      errors: [
        { messageId: 'unguarded', line: 6, column: 11, data: { statement: 'ADD COLUMN', guard: 'IF NOT EXISTS', reason: sequelizeReason } },
        { messageId: 'unguarded', line: 7, column: 11, data: { statement: 'DROP COLUMN', guard: 'IF EXISTS', reason: sequelizeReason } },
        { messageId: 'unguarded', line: 8, column: 11, data: { statement: 'CREATE INDEX', guard: 'IF NOT EXISTS', reason: sequelizeReason } },
      ],
    },
    {
      code: mikroOrmMigration('    this.addSql(`create index concurrently "user_email_index" on "user" ("email");`);', {
        members: '  override isTransactional(): boolean {\n    return false;\n  }\n',
      }),
      errors: [
        {
          messageId: 'unguarded',
          line: 9,
          column: 18,
          suggestions: [
            {
              messageId: 'addGuard',
              output: mikroOrmMigration('    this.addSql(`create index concurrently IF NOT EXISTS "user_email_index" on "user" ("email");`);', {
                members: '  override isTransactional(): boolean {\n    return false;\n  }\n',
              }),
            },
          ],
        },
      ],
    },
  ],
});

ruleTester({ typeorm: { migrationsTransactionMode: 'each' } }).run('prefer-robust-statements (node-pg-migrate and TypeORM)', rule, {
  valid: [
    nodePgMigrateMigration(`  pgm.noTransaction();
  pgm.createIndex('users', 'email', { name: 'users_email_idx', concurrently: true, ifNotExists: true });`, ''),
    // Each TypeORM migration runs in its own transaction in the 'each' mode, unless it opts out.
    typeormMigration('        await queryRunner.query(`CREATE INDEX "IDX_user_email" ON "user" ("email") `);'),
  ],
  invalid: [
    {
      code: nodePgMigrateMigration(`  pgm.noTransaction();
  pgm.createIndex('users', 'email', { name: 'users_email_idx', concurrently: true });
  pgm.dropTable('legacy_sessions');`, ''),
      errors: [
        { messageId: 'unguarded', line: 7, column: 3, data: { statement: 'CREATE INDEX', guard: 'IF NOT EXISTS', reason: 'this migration calls `pgm.noTransaction()`, so node-pg-migrate runs it outside a transaction' } },
        { messageId: 'unguarded', line: 8, column: 3, data: { statement: 'DROP TABLE', guard: 'IF EXISTS', reason: 'this migration calls `pgm.noTransaction()`, so node-pg-migrate runs it outside a transaction' } },
      ],
    },
    {
      code: typeormMigration('        await queryRunner.query(`CREATE INDEX CONCURRENTLY "IDX_user_email" ON "user" ("email") `);', { members: '    public transaction = false;\n' }),
      errors: [
        {
          messageId: 'unguarded',
          line: 7,
          column: 34,
          suggestions: [
            {
              messageId: 'addGuard',
              output: typeormMigration('        await queryRunner.query(`CREATE INDEX CONCURRENTLY IF NOT EXISTS "IDX_user_email" ON "user" ("email") `);', { members: '    public transaction = false;\n' }),
            },
          ],
        },
      ],
    },
  ],
});

ruleTester({ kysely: { disableTransactions: true } }).run('prefer-robust-statements (Kysely without transactions)', rule, {
  valid: [
    kyselyMigration('  await sql`CREATE TABLE IF NOT EXISTS audit (id bigint)`.execute(db);'),
    kyselyMigration(`  await db.schema.createTable('audit').ifNotExists().addColumn('id', 'bigint').execute();
  await db.schema.alterTable('users').addColumn('nickname', 'text', (col) => col.ifNotExists()).execute();
  await db.schema.dropTable('legacy_sessions').ifExists().execute();`),
  ],
  invalid: [
    {
      code: kyselyMigration('  await sql`CREATE TABLE audit (id bigint)`.execute(db);'),
      errors: [
        {
          messageId: 'unguarded',
          line: 4,
          column: 13,
          data: { statement: 'CREATE TABLE', guard: 'IF NOT EXISTS', reason: "the Migrator runs with `disableTransactions: true` (settings['live-upgrade'].kysely)" },
          suggestions: [{ messageId: 'addGuard', output: kyselyMigration('  await sql`CREATE TABLE IF NOT EXISTS audit (id bigint)`.execute(db);') }],
        },
      ],
    },
    {
      code: kyselyMigration(`  await db.schema.createTable('audit').addColumn('id', 'bigint').execute();
  await db.schema.alterTable('users').dropColumn('legacy').execute();
  await db.schema.dropTable('legacy_sessions').execute();`),
      errors: [
        { messageId: 'unguarded', line: 4, column: 19, data: { statement: 'CREATE TABLE', guard: 'IF NOT EXISTS', reason: "the Migrator runs with `disableTransactions: true` (settings['live-upgrade'].kysely)" } },
        { messageId: 'unguarded', line: 5, column: 39, data: { statement: 'DROP COLUMN', guard: 'IF EXISTS', reason: "the Migrator runs with `disableTransactions: true` (settings['live-upgrade'].kysely)" } },
        { messageId: 'unguarded', line: 6, column: 19, data: { statement: 'DROP TABLE', guard: 'IF EXISTS', reason: "the Migrator runs with `disableTransactions: true` (settings['live-upgrade'].kysely)" } },
      ],
    },
  ],
});

describe('prefer-robust-statements in .sql files', () => {
  const reports = (code: string, filename: string) =>
    lintSql(code, filename)
      .filter((message) => message.ruleId === 'live-upgrade/prefer-robust-statements')
      .map(({ messageId, line, column }) => ({ messageId, line, column }));

  it('reports a graphile-migrate --! no-transaction file', () => {
    const code = '--! no-transaction\nCREATE INDEX CONCURRENTLY users_email_idx ON users (email);\n';
    expect(reports(code, 'migrations/current.sql')).toEqual([{ messageId: 'unguarded', line: 2, column: 1 }]);
  });

  it('does not report a file the tool runs in a transaction, nor a plain file whose runner is unknown', () => {
    expect(reports('-- Up Migration\nCREATE TABLE audit (id bigint);\n', 'migrations/1700000000000_audit.sql')).toEqual([]);
    expect(reports('CREATE TABLE audit (id bigint);\n', 'migrations/0006_audit.sql')).toEqual([]);
  });
});
