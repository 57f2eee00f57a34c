import rule from '../../src/rules/prefer-text-over-varchar.ts';
import { knexMigration, kyselyMigration, ruleTester } from '../fixtures.ts';

ruleTester().run('prefer-text-over-varchar', rule, {
  valid: [
    knexMigration("  await knex.schema.createTable('users', (table) => table.text('name'));"),
    kyselyMigration("  await db.schema.alterTable('users').addColumn('name', 'varchar').execute();"),
    knexMigration("  await knex.raw('ALTER TABLE users ADD COLUMN name text, ADD CONSTRAINT users_name_length CHECK (char_length(name) <= 200) NOT VALID');"),
  ],
  invalid: [
    {
      // Knex's string() is varchar(255).
      code: knexMigration(`  await knex.schema.alterTable('users', (table) => {
    table.string('name');
    table.string('country', 2);
  });`),
      errors: [
        { messageId: 'varchar', line: 5, column: 5, data: { column: 'name', table: 'users', type: 'varchar(255)' } },
        { messageId: 'varchar', line: 6, column: 5, data: { column: 'country', table: 'users', type: 'varchar(2)' } },
      ],
    },
    {
      code: knexMigration("  await knex.raw('CREATE TABLE users (id bigint, name character varying (200), code char(3))');"),
      errors: [
        {
          messageId: 'varchar',
          line: 4,
          column: 19,
          data: { column: 'name', table: 'users', type: 'varchar(200)' },
          suggestions: [{ messageId: 'useText', output: knexMigration("  await knex.raw('CREATE TABLE users (id bigint, name text, code char(3))');") }],
        },
        {
          messageId: 'char',
          line: 4,
          column: 19,
          data: { column: 'code', table: 'users', type: 'char(3)' },
          suggestions: [{ messageId: 'useText', output: knexMigration("  await knex.raw('CREATE TABLE users (id bigint, name character varying (200), code text)');") }],
        },
      ],
    },
    {
      code: kyselyMigration("  await db.schema.createTable('users').addColumn('email', 'varchar(320)').execute();"),
      errors: [{ messageId: 'varchar', line: 4, column: 19, data: { column: 'email', table: 'users', type: 'varchar(320)' } }],
    },
    {
      code: kyselyMigration('  await sql`ALTER TABLE users ADD COLUMN email varchar(320)`.execute(db);'),
      errors: [{ messageId: 'varchar', line: 4, column: 13, endColumn: 60, suggestions: [{ messageId: 'useText', output: kyselyMigration('  await sql`ALTER TABLE users ADD COLUMN email text`.execute(db);') }] }],
    },
  ],
});
