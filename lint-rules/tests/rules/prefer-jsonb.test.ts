import rule from '../../src/rules/prefer-jsonb.ts';
import { knexMigration, kyselyMigration, ruleTester } from '../fixtures.ts';

ruleTester().run('prefer-jsonb', rule, {
  valid: [
    knexMigration("  await knex.schema.createTable('events', (table) => table.jsonb('payload'));"),
    kyselyMigration("  await db.schema.alterTable('events').addColumn('payload', 'jsonb').execute();"),
    knexMigration("  await knex.raw('CREATE TABLE events (payload jsonb, tags jsonb[])');"),
    knexMigration('', { down: "  await knex.schema.alterTable('events', (table) => table.json('payload'));" }),
  ],
  invalid: [
    {
      code: knexMigration(`  await knex.schema.createTable('events', (table) => {
    table.bigIncrements('id');
    table.json('payload');
  });`),
      errors: [{ messageId: 'json', line: 4, column: 21, data: { column: 'payload', table: 'events', type: 'json' }, suggestions: [] }],
    },
    {
      code: knexMigration("  await knex.raw('ALTER TABLE events ADD COLUMN payload json, ADD COLUMN tags json[]');"),
      errors: [
        {
          messageId: 'json',
          line: 4,
          column: 19,
          data: { column: 'payload', table: 'events', type: 'json' },
          suggestions: [{ messageId: 'useJsonb', output: knexMigration("  await knex.raw('ALTER TABLE events ADD COLUMN payload jsonb, ADD COLUMN tags json[]');") }],
        },
        {
          messageId: 'json',
          line: 4,
          column: 19,
          data: { column: 'tags', table: 'events', type: 'json[]' },
          suggestions: [{ messageId: 'useJsonb', output: knexMigration("  await knex.raw('ALTER TABLE events ADD COLUMN payload json, ADD COLUMN tags jsonb[]');") }],
        },
      ],
    },
    {
      code: kyselyMigration("  await db.schema.alterTable('events').addColumn('payload', 'json').execute();"),
      errors: [{ messageId: 'json', line: 4, column: 40, data: { column: 'payload', table: 'events', type: 'json' } }],
    },
    {
      code: kyselyMigration('  await sql`CREATE TABLE "Events" ("Payload" JSON NOT NULL)`.execute(db);'),
      errors: [
        {
          messageId: 'json',
          line: 4,
          column: 13,
          data: { column: 'Payload', table: 'Events', type: 'json' },
          suggestions: [{ messageId: 'useJsonb', output: kyselyMigration('  await sql`CREATE TABLE "Events" ("Payload" jsonb NOT NULL)`.execute(db);') }],
        },
      ],
    },
    {
      code: knexMigration('', { down: "  await knex.schema.alterTable('events', (table) => table.json('payload'));" }),
      options: [{ checkDown: true }],
      errors: [{ messageId: 'json', line: 8, column: 53 }],
    },
  ],
});
