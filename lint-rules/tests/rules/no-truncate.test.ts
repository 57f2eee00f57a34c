import { describe, expect, it } from 'vitest';
import { lintSql, reports } from '../languages/lint-sql.ts';
import rule from '../../src/rules/no-truncate.ts';
import { knexMigration, kyselyMigration, mikroOrmMigration, nodePgMigrateMigration, ruleTester, sequelizeMigration, typeormMigration } from '../fixtures.ts';

ruleTester().run('no-truncate', rule, {
  valid: [
    knexMigration(`  await knex.schema.createTable('import_rows', (table) => table.text('line'));
  await knex('import_rows').truncate();`),
    knexMigration("  await knex('users').where('id', 1).delete();"),
    knexMigration('', { down: "  await knex('users').truncate();" }),
  ],
  invalid: [
    {
      code: knexMigration(`  await knex('sessions').truncate();
  await knex.table('audit_log').truncate();`),
      errors: [
        { messageId: 'truncate', line: 4, column: 9, endColumn: 36, data: { tables: 'sessions' } },
        { messageId: 'truncate', line: 5, column: 9, endColumn: 43, data: { tables: 'audit_log' } },
      ],
    },
    {
      code: knexMigration(`  await knex.transaction(async (trx) => {
    await trx('sessions').truncate();
  });`),
      errors: [{ messageId: 'truncate', line: 5, column: 11, data: { tables: 'sessions' } }],
    },
    {
      code: knexMigration("  await knex.raw('TRUNCATE users, public.orders CASCADE');"),
      errors: [{ messageId: 'truncateCascade', line: 4, column: 19, endColumn: 56, data: { tables: 'users, orders' } }],
    },
    {
      code: kyselyMigration('  await sql`TRUNCATE TABLE audit_log RESTART IDENTITY`.execute(db);'),
      errors: [{ messageId: 'truncate', line: 4, column: 13, data: { tables: 'audit_log' } }],
    },
    {
      code: knexMigration('', { down: "  await knex('users').truncate();" }),
      options: [{ checkDown: true }],
      errors: [{ messageId: 'truncate', line: 8, column: 9 }],
    },
  ],
});

ruleTester().run('no-truncate (node-pg-migrate, TypeORM, Sequelize, MikroORM)', rule, {
  valid: [{ code: sequelizeMigration("    await queryInterface.bulkDelete('sessions', { expires_at: { [Sequelize.Op.lt]: new Date() } });"), filename: 'migrations/20240101000000-change.js' }],
  invalid: [
    {
      code: nodePgMigrateMigration("  pgm.sql('TRUNCATE sessions');"),
      errors: [{ messageId: 'truncate', line: 6, column: 12, endColumn: 29, data: { tables: 'sessions' } }],
    },
    {
      code: typeormMigration("        await queryRunner.clearTable('session');"),
      errors: [{ messageId: 'truncate', line: 6, column: 15, endColumn: 48, data: { tables: 'session' } }],
    },
    {
      code: sequelizeMigration("    await queryInterface.bulkDelete('sessions', null, { truncate: true, cascade: true });"),
      filename: 'migrations/20240101000000-change.js',
      errors: [{ messageId: 'truncateCascade', line: 6, column: 11, endColumn: 89, data: { tables: 'sessions' } }],
    },
    {
      code: mikroOrmMigration('    this.addSql(`truncate table "session";`);'),
      errors: [{ messageId: 'truncate', line: 6, column: 18, endColumn: 42, data: { tables: 'session' } }],
    },
  ],
});

describe('no-truncate in .sql files', () => {
  it('reports the TRUNCATE statement', () => {
    const code = 'TRUNCATE sessions;\n';
    expect(reports(lintSql(code, 'migrations/0042_change.sql'), ['no-truncate'])).toEqual([
      { ruleId: 'live-upgrade/no-truncate', line: 1, column: 1, endLine: 1, endColumn: 18 },
    ]);
  });
});
