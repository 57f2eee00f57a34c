import rule from '../../src/rules/no-exclusion-constraint-on-existing-table.ts';
import { knexMigration, kyselyMigration, ruleTester } from '../fixtures.ts';

const exclude = 'EXCLUDE USING gist (room_id WITH =, during WITH &&)';

ruleTester().run('no-exclusion-constraint-on-existing-table', rule, {
  valid: [
    // Declared with the table, or added to a table created in the same migration.
    knexMigration(`  await knex.raw('CREATE TABLE bookings (room_id int, during tstzrange, ${exclude})');`),
    kyselyMigration(`  await db.schema.createTable('bookings').addColumn('room_id', 'integer').addColumn('during', 'tstzrange').execute();
  await sql\`ALTER TABLE bookings ADD CONSTRAINT bookings_no_overlap ${exclude}\`.execute(db);`),
    // Other constraints are other rules' business.
    knexMigration("  await knex.raw('ALTER TABLE bookings ADD CONSTRAINT bookings_room_check CHECK (room_id > 0) NOT VALID');"),
    knexMigration('', { down: `  await knex.raw('ALTER TABLE bookings ADD ${exclude}');` }),
  ],
  invalid: [
    {
      code: knexMigration(`  await knex.raw('ALTER TABLE bookings ADD CONSTRAINT bookings_no_overlap ${exclude}');
  await knex.schema.raw('ALTER TABLE public.rooms ADD ${exclude}');`),
      errors: [
        { messageId: 'addExclusion', line: 4, column: 19, endColumn: 126, data: { constraint: 'bookings_no_overlap', table: 'bookings' } },
        { messageId: 'addExclusion', line: 5, column: 26, endColumn: 106, data: { constraint: '(unnamed)', table: 'rooms' } },
      ],
    },
    {
      code: kyselyMigration(`  await sql\`
    SET lock_timeout = '2s';
    ALTER TABLE \${sql.table('bookings')} ADD CONSTRAINT bookings_no_overlap ${exclude};
  \`.execute(db);`),
      errors: [{ messageId: 'addExclusion', line: 6, column: 5, data: { constraint: 'bookings_no_overlap', table: 'bookings' } }],
    },
    {
      code: knexMigration('', { down: `  await knex.raw('ALTER TABLE bookings ADD ${exclude}');` }),
      options: [{ checkDown: true }],
      errors: [{ messageId: 'addExclusion', line: 8, column: 19 }],
    },
  ],
});
