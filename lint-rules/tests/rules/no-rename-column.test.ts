import rule from '../../src/rules/no-rename-column.ts';
import { knexMigration, kyselyMigration, ruleTester } from '../fixtures.ts';

ruleTester().run('no-rename-column', rule, {
  valid: [
    knexMigration('', { down: "  await knex.schema.alterTable('users', (table) => table.renameColumn('full_name', 'name'));" }),
    kyselyMigration(`  await db.schema.createTable('draft').addColumn('a', 'text').execute();
  await db.schema.alterTable('draft').renameColumn('a', 'b').execute();`),
  ],
  invalid: [
    {
      code: knexMigration("  await knex.schema.alterTable('users', (table) => table.renameColumn('name', 'full_name'));"),
      errors: [{ messageId: 'renameColumn', line: 4, column: 52, data: { column: 'name', newName: 'full_name', table: 'users' } }],
    },
    {
      code: kyselyMigration("  await db.schema.alterTable('users').renameColumn('name', 'full_name').execute();"),
      errors: [{ messageId: 'renameColumn', line: 4, column: 39 }],
    },
    {
      code: kyselyMigration('  await sql`ALTER TABLE users RENAME COLUMN name TO full_name`.execute(db);'),
      errors: [{ messageId: 'renameColumn', line: 4, column: 13, endColumn: 62 }],
    },
  ],
});
