import rule from '../../src/rules/no-drop-not-null.ts';
import { knexMigration, kyselyMigration, ruleTester } from '../fixtures.ts';

ruleTester().run('no-drop-not-null', rule, {
  valid: [
    // A column of a table created, or a column added, in the same migration: no reader expects it yet.
    knexMigration(`  await knex.schema.createTable('tokens', (table) => table.text('value').notNullable());
  await knex.schema.alterTable('tokens', (table) => table.setNullable('value'));`),
    kyselyMigration(`  await sql\`ALTER TABLE users ADD COLUMN nickname text NOT NULL DEFAULT ''\`.execute(db);
  await sql\`ALTER TABLE users ALTER COLUMN nickname DROP NOT NULL\`.execute(db);`),
    // Knex .notNullable().alter() drops NOT NULL and sets it again.
    knexMigration("  await knex.schema.alterTable('users', (table) => table.string('name').notNullable().alter());"),
    // down undoes a SET NOT NULL of up.
    knexMigration("  await knex.raw('ALTER TABLE users ALTER COLUMN email SET NOT NULL');", {
      down: "  await knex.raw('ALTER TABLE users ALTER COLUMN email DROP NOT NULL');",
    }),
  ],
  invalid: [
    {
      code: knexMigration(`  await knex.schema.alterTable('users', (table) => {
    table.setNullable('phone');
  });
  await knex.raw('ALTER TABLE users ALTER COLUMN email DROP NOT NULL');`),
      errors: [
        { messageId: 'dropNotNull', line: 5, column: 5, endColumn: 31, data: { table: 'users', column: 'phone' } },
        { messageId: 'dropNotNull', line: 7, column: 19, endColumn: 69, data: { table: 'users', column: 'email' } },
      ],
    },
    {
      code: kyselyMigration(`  await db.schema.alterTable('users').alterColumn('phone', (col) => col.dropNotNull()).execute();
  await sql\`ALTER TABLE \${sql.table('app.users')} ALTER email DROP NOT NULL\`.execute(db);`),
      errors: [
        { messageId: 'dropNotNull', line: 4, column: 39, endColumn: 87, data: { table: 'users', column: 'phone' } },
        { messageId: 'dropNotNull', line: 5, column: 13, data: { table: 'app.users', column: 'email' } },
      ],
    },
    {
      code: knexMigration('', { down: "  await knex.raw('ALTER TABLE users ALTER COLUMN email DROP NOT NULL');" }),
      options: [{ checkDown: true }],
      errors: [{ messageId: 'dropNotNull', line: 8, column: 19 }],
    },
  ],
});
