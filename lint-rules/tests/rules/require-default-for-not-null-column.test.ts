import rule from '../../src/rules/require-default-for-not-null-column.ts';
import { knexMigration, kyselyMigration, ruleTester } from '../fixtures.ts';

ruleTester().run('require-default-for-not-null-column', rule, {
  valid: [
    knexMigration(`  await knex.schema.alterTable('users', (table) => {
    table.boolean('active').notNullable().defaultTo(true);
    table.string('nickname');
    table.timestamps(false, true);
  });`),
    knexMigration(`  await knex.schema.createTable('teams', (table) => {
    table.text('name').notNullable();
  });
  await knex.raw('ALTER TABLE teams ADD COLUMN slug text NOT NULL');`),
    kyselyMigration("  await db.schema.alterTable('users').addColumn('score', 'integer', (col) => col.notNull().defaultTo(0)).execute();"),
    // serial and identity columns fill themselves (no-serial-column-on-existing-table is about that).
    kyselyMigration('  await sql`ALTER TABLE users ADD COLUMN seq bigserial NOT NULL`.execute(db);'),
    knexMigration('', { down: "  await knex.raw('ALTER TABLE users ADD COLUMN slug text NOT NULL');" }),
  ],
  invalid: [
    {
      code: knexMigration(`  await knex.schema.alterTable('users', (table) => {
    table.string('country', 2).notNullable();
    table.uuid('external_id').primary();
  });`),
      errors: [
        { messageId: 'notNullWithoutDefault', line: 5, column: 5, endColumn: 31, data: { column: 'country', table: 'users' } },
        { messageId: 'notNullWithoutDefault', line: 6, column: 5, data: { column: 'external_id', table: 'users' } },
      ],
    },
    {
      code: knexMigration("  await knex.raw('ALTER TABLE users ADD COLUMN slug text NOT NULL, ADD COLUMN code text NOT NULL DEFAULT NULL');"),
      errors: [
        { messageId: 'notNullWithoutDefault', line: 4, column: 19, data: { column: 'slug', table: 'users' } },
        { messageId: 'notNullWithoutDefault', line: 4, column: 19, data: { column: 'code', table: 'users' } },
      ],
    },
    {
      code: kyselyMigration("  await db.schema.alterTable('users').addColumn('slug', 'text', (col) => col.notNull()).execute();"),
      errors: [{ messageId: 'notNullWithoutDefault', line: 4, column: 39, data: { column: 'slug', table: 'users' } }],
    },
    {
      code: kyselyMigration('  await sql`ALTER TABLE users ADD COLUMN slug text NOT NULL`.execute(db);'),
      settings: { 'live-upgrade': { postgresVersion: 10 } },
      errors: [{ messageId: 'notNullWithoutDefaultBefore11', line: 4, column: 13, endColumn: 60 }],
    },
    {
      code: knexMigration('', { down: "  await knex.raw('ALTER TABLE users ADD COLUMN slug text NOT NULL');" }),
      options: [{ checkDown: true }],
      errors: [{ messageId: 'notNullWithoutDefault', line: 8, column: 19 }],
    },
  ],
});
