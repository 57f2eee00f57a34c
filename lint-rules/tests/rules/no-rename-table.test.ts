import { describe, expect, it } from 'vitest';
import { lintSql, reports } from '../languages/lint-sql.ts';
import rule from '../../src/rules/no-rename-table.ts';
import { knexMigration, kyselyMigration, mikroOrmMigration, nodePgMigrateMigration, ruleTester, sequelizeMigration, typeormMigration } from '../fixtures.ts';

const message = { table: 'users', newName: 'accounts' };

ruleTester().run('no-rename-table', rule, {
  valid: [
    // A view with the old name keeps the running release working.
    knexMigration(`  await knex.schema.renameTable('users', 'accounts');
  await knex.schema.createView('users', (view) => view.as(knex('accounts').select('*')));`),
    kyselyMigration(`  await db.schema.alterTable('users').renameTo('accounts').execute();
  await db.schema.createView('users').as(db.selectFrom('accounts').selectAll()).execute();`),
    knexMigration("  await knex.raw('ALTER TABLE public.users RENAME TO accounts; CREATE OR REPLACE VIEW users AS SELECT * FROM accounts');"),
    kyselyMigration(`  await db.schema.createTable('drafts').addColumn('id', 'bigint').execute();
  await db.schema.alterTable('drafts').renameTo('notes').execute();`),
    knexMigration('', { down: "  await knex.schema.renameTable('accounts', 'users');" }),
  ],
  invalid: [
    {
      code: knexMigration("  await knex.schema.renameTable('users', 'accounts');"),
      errors: [{ messageId: 'renameTable', line: 4, column: 21, endColumn: 53, data: message, suggestions: [] }],
    },
    {
      code: knexMigration("  await knex.raw('ALTER TABLE users RENAME TO accounts');"),
      errors: [
        {
          messageId: 'renameTable',
          line: 4,
          column: 19,
          data: message,
          suggestions: [
            {
              messageId: 'addView',
              data: message,
              output: knexMigration(`  await knex.raw('ALTER TABLE users RENAME TO accounts; CREATE VIEW "users" AS SELECT * FROM "accounts"');`),
            },
          ],
        },
      ],
    },
    {
      // A view of another name, or a materialized view, does not stand in for the table.
      code: kyselyMigration(`  await db.schema.alterTable('users').renameTo('accounts').execute();
  await db.schema.createView('users_view').as(db.selectFrom('accounts').selectAll()).execute();
  await db.schema.createView('users').materialized().as(db.selectFrom('accounts').selectAll()).execute();`),
      errors: [{ messageId: 'renameTable', line: 4, column: 39, data: message }],
    },
    {
      code: kyselyMigration('  await sql`ALTER TABLE app."Users" RENAME TO accounts`.execute(db);'),
      errors: [
        {
          messageId: 'renameTable',
          line: 4,
          column: 13,
          data: { table: 'app.Users', newName: 'accounts' },
          suggestions: [
            {
              messageId: 'addView',
              data: { table: 'app.Users', newName: 'accounts' },
              output: kyselyMigration('  await sql`ALTER TABLE app."Users" RENAME TO accounts; CREATE VIEW "app"."Users" AS SELECT * FROM "app"."accounts"`.execute(db);'),
            },
          ],
        },
      ],
    },
    {
      code: knexMigration('', { down: "  await knex.schema.renameTable('accounts', 'users');" }),
      options: [{ checkDown: true }],
      errors: [{ messageId: 'renameTable', line: 8, column: 21 }],
    },
  ],
});

ruleTester().run('no-rename-table (node-pg-migrate, TypeORM, Sequelize, MikroORM)', rule, {
  valid: [
    nodePgMigrateMigration(`  pgm.renameTable('users', 'accounts');
  pgm.sql('CREATE VIEW users AS SELECT * FROM accounts');`),
    nodePgMigrateMigration(`  pgm.renameTable('users', 'accounts');
  pgm.createView('users', {}, 'SELECT * FROM accounts');`),
    {
      code: sequelizeMigration(`    await queryInterface.renameTable('users', 'accounts');
    await queryInterface.sequelize.query('CREATE VIEW users AS SELECT * FROM accounts');`),
      filename: 'migrations/20240101000000-change.js',
    },
  ],
  invalid: [
    {
      code: nodePgMigrateMigration("  pgm.renameTable('users', 'accounts');"),
      errors: [{ messageId: 'renameTable', line: 6, column: 3, endColumn: 39, data: { table: 'users', newName: 'accounts' }, suggestions: [] }],
    },
    {
      code: typeormMigration("        await queryRunner.renameTable('user', 'account');"),
      errors: [{ messageId: 'renameTable', line: 6, column: 15, endColumn: 57, data: { table: 'user', newName: 'account' }, suggestions: [] }],
    },
    {
      code: sequelizeMigration("    await queryInterface.renameTable('users', 'accounts');"),
      filename: 'migrations/20240101000000-change.js',
      errors: [{ messageId: 'renameTable', line: 6, column: 11, endColumn: 58, data: { table: 'users', newName: 'accounts' }, suggestions: [] }],
    },
    {
      code: mikroOrmMigration('    this.addSql(`alter table "user" rename to "account";`);'),
      errors: [
        {
          messageId: 'renameTable',
          line: 6,
          column: 18,
          endColumn: 56,
          data: { table: 'user', newName: 'account' },
          suggestions: [
            {
              messageId: 'addView',
              data: { table: 'user', newName: 'account' },
              output: mikroOrmMigration('    this.addSql(`alter table "user" rename to "account"; CREATE VIEW "user" AS SELECT * FROM "account";`);'),
            },
          ],
        },
      ],
    },
  ],
});

describe('no-rename-table in .sql files', () => {
  it('reports a rename without a view', () => {
    const code = 'ALTER TABLE users RENAME TO accounts;\n';
    expect(reports(lintSql(code, 'migrations/0042_change.sql'), ['no-rename-table'])).toEqual([
      { ruleId: 'live-upgrade/no-rename-table', line: 1, column: 1, endLine: 1, endColumn: 37 },
    ]);
  });

  it('accepts a rename followed by a view with the old name', () => {
    const code = 'ALTER TABLE users RENAME TO accounts;\nCREATE VIEW users AS SELECT * FROM accounts;\n';
    expect(reports(lintSql(code, 'migrations/0042_change.sql'), ['no-rename-table'])).toEqual([]);
  });
});
