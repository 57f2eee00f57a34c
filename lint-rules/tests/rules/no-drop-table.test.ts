import rule from '../../src/rules/no-drop-table.ts';
import { knexMigration, kyselyMigration, ruleTester } from '../fixtures.ts';

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
