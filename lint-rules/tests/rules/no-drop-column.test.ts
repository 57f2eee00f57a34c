import rule from '../../src/rules/no-drop-column.ts';
import { knexMigration, kyselyMigration, ruleTester } from '../fixtures.ts';

ruleTester().run('no-drop-column', rule, {
  valid: [
    // Rolling back a column that `up` added is what `down` is for.
    knexMigration("  await knex.schema.alterTable('users', (table) => table.integer('age'));", {
      down: "  await knex.schema.alterTable('users', (table) => table.dropColumn('age'));",
    }),
    kyselyMigration(`  await db.schema.createTable('audit').addColumn('id', 'bigint').execute();
  await sql\`ALTER TABLE audit DROP COLUMN id\`.execute(db);`),
  ],
  invalid: [
    {
      code: knexMigration(`  await knex.schema.alterTable('users', (table) => {
    table.dropColumns('legacy', 'unused');
  });`),
      errors: [
        { messageId: 'dropColumn', line: 5, column: 5, data: { column: 'legacy', table: 'users' } },
        { messageId: 'dropColumn', line: 5, column: 5, data: { column: 'unused', table: 'users' } },
      ],
    },
    {
      code: kyselyMigration("  await db.schema.alterTable('users').dropColumn('legacy').execute();"),
      errors: [{ messageId: 'dropColumn', line: 4, column: 39, endColumn: 59 }],
    },
    {
      code: knexMigration("  await knex.raw('ALTER TABLE public.users DROP COLUMN legacy, DROP COLUMN unused');"),
      errors: [
        { messageId: 'dropColumn', line: 4, column: 19, data: { column: 'legacy', table: 'users' } },
        { messageId: 'dropColumn', line: 4, column: 19, data: { column: 'unused', table: 'users' } },
      ],
    },
    {
      code: knexMigration('', { down: "  await knex.schema.alterTable('users', (table) => table.dropColumn('age'));" }),
      options: [{ checkDown: true }],
      errors: [{ messageId: 'dropColumn', line: 8, column: 52 }],
    },
  ],
});
