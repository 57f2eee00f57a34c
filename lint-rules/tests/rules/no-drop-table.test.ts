import { describe, expect, it } from 'vitest';
import { lintSql, reports } from '../languages/lint-sql.ts';
import rule from '../../src/rules/no-drop-table.ts';
import { knexMigration, kyselyMigration, mikroOrmMigration, nodePgMigrateMigration, ruleTester, sequelizeMigration, typeormMigration } from '../fixtures.ts';

ruleTester().run('no-drop-table', rule, {
  valid: [
    // Rolling back a table that `up` created is what `down` is for.
    knexMigration("  await knex.schema.createTable('audit', (table) => table.bigIncrements('id'));", {
      down: "  await knex.schema.dropTable('audit');",
    }),
    kyselyMigration(`  await db.schema.createTable('scratch').addColumn('id', 'bigint').execute();
  await sql\`DROP TABLE scratch\`.execute(db);`),
  ],
  invalid: [
    {
      code: knexMigration(`  await knex.schema.dropTable('legacy_orders');
  await knex.schema.dropTableIfExists('legacy_items');`),
      errors: [
        { messageId: 'dropTable', line: 4, column: 21, endColumn: 47, data: { table: 'legacy_orders' } },
        { messageId: 'dropTable', line: 5, column: 21, data: { table: 'legacy_items' } },
      ],
    },
    {
      code: knexMigration("  await knex.raw('DROP TABLE IF EXISTS public.legacy_orders, legacy_items CASCADE');"),
      errors: [
        { messageId: 'dropTable', line: 4, column: 19, endColumn: 82, data: { table: 'legacy_orders' } },
        { messageId: 'dropTable', line: 4, column: 19, data: { table: 'legacy_items' } },
      ],
    },
    {
      code: kyselyMigration("  await db.schema.dropTable('legacy_orders').ifExists().execute();"),
      errors: [{ messageId: 'dropTable', line: 4, column: 19, endColumn: 56, data: { table: 'legacy_orders' } }],
    },
    {
      code: kyselyMigration('  await sql`DROP TABLE legacy_orders`.execute(db);'),
      errors: [{ messageId: 'dropTable', line: 4, column: 13, data: { table: 'legacy_orders' } }],
    },
    {
      code: knexMigration('', { down: "  await knex.schema.dropTable('users');" }),
      options: [{ checkDown: true }],
      errors: [{ messageId: 'dropTable', line: 8, column: 21 }],
    },
  ],
});

ruleTester().run('no-drop-table (node-pg-migrate, TypeORM, Sequelize, MikroORM)', rule, {
  valid: [nodePgMigrateMigration("  pgm.createTable('audit', { id: 'id' });", "  pgm.dropTable('audit');")],
  invalid: [
    {
      code: nodePgMigrateMigration("  pgm.dropTable('legacy_orders');"),
      errors: [{ messageId: 'dropTable', line: 6, column: 3, endColumn: 33, data: { table: 'legacy_orders' } }],
    },
    {
      code: typeormMigration("        await queryRunner.dropTable('legacy_order');"),
      errors: [{ messageId: 'dropTable', line: 6, column: 15, endColumn: 52, data: { table: 'legacy_order' } }],
    },
    {
      code: sequelizeMigration("    await queryInterface.dropTable('legacy_orders');"),
      filename: 'migrations/20240101000000-change.js',
      errors: [{ messageId: 'dropTable', line: 6, column: 11, endColumn: 52, data: { table: 'legacy_orders' } }],
    },
    {
      code: mikroOrmMigration('    this.addSql(`drop table if exists "legacy_order" cascade;`);'),
      errors: [{ messageId: 'dropTable', line: 6, column: 18, endColumn: 61, data: { table: 'legacy_order' } }],
    },
  ],
});

describe('no-drop-table in .sql files', () => {
  it('reports the DROP TABLE statement', () => {
    const code = 'DROP TABLE legacy_orders;\n';
    expect(reports(lintSql(code, 'migrations/0042_change.sql'), ['no-drop-table'])).toEqual([
      { ruleId: 'live-upgrade/no-drop-table', line: 1, column: 1, endLine: 1, endColumn: 25 },
    ]);
  });
});
