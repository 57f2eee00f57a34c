import { describe, expect, it } from 'vitest';
import { lintSql, reports } from '../languages/lint-sql.ts';
import rule from '../../src/rules/no-blocking-rewrite.ts';
import { knexMigration, kyselyMigration, mikroOrmMigration, nodePgMigrateMigration, ruleTester, sequelizeMigration, typeormMigration } from '../fixtures.ts';

ruleTester().run('no-blocking-rewrite', rule, {
  valid: [
    knexMigration("  await knex.raw('VACUUM ANALYZE users; ALTER TABLE users SET (fillfactor = 70)');"),
    knexMigration(`  await knex.schema.createTable('staging_rows', (table) => table.text('line'));
  await knex.raw('ALTER TABLE staging_rows SET UNLOGGED');`),
    knexMigration('', { down: "  await knex.raw('ALTER TABLE events SET LOGGED');" }),
  ],
  invalid: [
    {
      code: knexMigration("  await knex.raw('VACUUM FULL users; CLUSTER orders USING orders_pkey');"),
      errors: [
        { messageId: 'maintenance', line: 4, column: 19, endColumn: 36, data: { command: 'VACUUM FULL', target: 'users'} },
        { messageId: 'maintenance', line: 4, column: 38, data: { command: 'CLUSTER', target: 'orders'} },
      ],
    },
    {
      code: knexMigration("  await knex.raw('VACUUM FULL');"),
      settings: { 'live-upgrade': { postgresVersion: 19 } },
      errors: [
        {
          messageId: 'maintenanceRepack',
          line: 4,
          column: 19,
          data: { command: 'VACUUM FULL', target: 'every table of the database' },
        },
      ],
    },
    {
      code: kyselyMigration('  await sql`ALTER TABLE events SET UNLOGGED, SET TABLESPACE archive`.execute(db);'),
      errors: [
        { messageId: 'storage', line: 4, column: 13, data: { command: 'SET UNLOGGED', target: 'events' } },
        { messageId: 'storage', line: 4, column: 13, data: { command: 'SET TABLESPACE', target: 'events' } },
      ],
    },
    {
      code: kyselyMigration('  await sql`ALTER TABLE events SET ACCESS METHOD heap2`.execute(db);'),
      errors: [{ messageId: 'storage', line: 4, column: 13, endColumn: 55, data: { command: 'SET ACCESS METHOD', target: 'events' } }],
    },
    {
      code: knexMigration('', { down: "  await knex.raw('ALTER TABLE events SET LOGGED');" }),
      options: [{ checkDown: true }],
      errors: [{ messageId: 'storage', line: 8, column: 19 }],
    },
  ],
});

ruleTester().run('no-blocking-rewrite (node-pg-migrate, TypeORM, Sequelize, MikroORM)', rule, {
  valid: [nodePgMigrateMigration("  pgm.sql('VACUUM (ANALYZE) events');")],
  invalid: [
    {
      code: nodePgMigrateMigration("  pgm.sql('VACUUM FULL events');"),
      errors: [{ messageId: 'maintenance', line: 6, column: 12, endColumn: 30, data: { command: 'VACUUM FULL', target: 'events' } }],
    },
    {
      code: typeormMigration('        await queryRunner.query(`ALTER TABLE "event" SET UNLOGGED`);'),
      errors: [{ messageId: 'storage', line: 6, column: 34, endColumn: 66, data: { command: 'SET UNLOGGED', target: 'event' } }],
    },
    {
      code: sequelizeMigration("    await queryInterface.sequelize.query('CLUSTER events USING events_pkey');"),
      filename: 'migrations/20240101000000-change.js',
      errors: [{ messageId: 'maintenance', line: 6, column: 43, endColumn: 75, data: { command: 'CLUSTER', target: 'events' } }],
    },
    {
      code: mikroOrmMigration('    this.addSql(`vacuum full "event";`);'),
      errors: [{ messageId: 'maintenance', line: 6, column: 18, endColumn: 37, data: { command: 'VACUUM FULL', target: 'event' } }],
    },
  ],
});

describe('no-blocking-rewrite in .sql files', () => {
  it('reports the VACUUM FULL statement', () => {
    const code = 'VACUUM FULL events;\n';
    expect(reports(lintSql(code, 'migrations/0042_change.sql'), ['no-blocking-rewrite'])).toEqual([
      { ruleId: 'live-upgrade/no-blocking-rewrite', line: 1, column: 1, endLine: 1, endColumn: 19 },
    ]);
  });
});
