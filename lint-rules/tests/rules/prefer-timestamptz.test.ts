import rule from '../../src/rules/prefer-timestamptz.ts';
import { knexMigration, kyselyMigration, ruleTester } from '../fixtures.ts';

ruleTester().run('prefer-timestamptz', rule, {
  valid: [
    // Knex's timestamp() and timestamps() are timestamptz on Postgres unless told otherwise.
    knexMigration(`  await knex.schema.createTable('events', (table) => {
    table.timestamp('happened_at');
    table.timestamps(true, true);
  });`),
    kyselyMigration("  await db.schema.alterTable('events').addColumn('happened_at', 'timestamptz').execute();"),
    knexMigration("  await knex.raw('CREATE TABLE events (happened_at timestamp with time zone)');"),
  ],
  invalid: [
    {
      code: knexMigration(`  await knex.schema.alterTable('events', (table) => {
    table.timestamp('happened_at', { useTz: false });
    table.datetime('logged_at', { useTz: false, precision: 3 });
  });`),
      errors: [
        { messageId: 'timestamp', line: 5, column: 5, data: { column: 'happened_at', table: 'events', type: 'timestamp' } },
        { messageId: 'timestamp', line: 6, column: 5, data: { column: 'logged_at', table: 'events', type: 'timestamp(3)' } },
      ],
    },
    {
      code: knexMigration("  await knex.raw('CREATE TABLE events (id bigint, happened_at timestamp(3) without time zone NOT NULL)');"),
      errors: [
        {
          messageId: 'timestamp',
          line: 4,
          column: 19,
          data: { column: 'happened_at', table: 'events', type: 'timestamp(3)' },
          suggestions: [{ messageId: 'useTimestamptz', output: knexMigration("  await knex.raw('CREATE TABLE events (id bigint, happened_at timestamptz(3) NOT NULL)');") }],
        },
      ],
    },
    {
      code: kyselyMigration("  await db.schema.createTable('events').addColumn('happened_at', 'timestamp', (col) => col.notNull()).execute();"),
      errors: [{ messageId: 'timestamp', line: 4, column: 19, data: { column: 'happened_at', table: 'events', type: 'timestamp' } }],
    },
    {
      code: kyselyMigration('  await sql`ALTER TABLE events ADD COLUMN happened_at TIMESTAMP`.execute(db);'),
      errors: [
        {
          messageId: 'timestamp',
          line: 4,
          column: 13,
          suggestions: [{ messageId: 'useTimestamptz', output: kyselyMigration('  await sql`ALTER TABLE events ADD COLUMN happened_at timestamptz`.execute(db);') }],
        },
      ],
    },
  ],
});
