import { describe, expect, it } from 'vitest';
import rule from '../../src/rules/no-exclusion-constraint-on-existing-table.ts';
import { knexMigration, kyselyMigration, mikroOrmMigration, nodePgMigrateMigration, payloadMigration, ruleTester, sequelizeMigration, typeormMigration } from '../fixtures.ts';
import { lintSql, reports } from '../languages/lint-sql.ts';

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

ruleTester().run('no-exclusion-constraint-on-existing-table (Sequelize, MikroORM, Payload)', rule, {
  valid: [],
  invalid: [
    {
      code: sequelizeMigration(`    await queryInterface.sequelize.query('ALTER TABLE bookings ADD CONSTRAINT bookings_no_overlap ${exclude}');`),
      filename: 'migrations/20240101000000-change.js',
      errors: [{ messageId: 'addExclusion', line: 6, column: 43, endColumn: 150, data: { constraint: 'bookings_no_overlap', table: 'bookings' } }],
    },
    {
      code: mikroOrmMigration('    this.addSql(`alter table "booking" add constraint "booking_no_overlap" exclude using gist ("room_id" with =, "during" with &&);`);'),
      errors: [{ messageId: 'addExclusion', line: 6, column: 18, endColumn: 131, data: { constraint: 'booking_no_overlap', table: 'booking' } }],
    },
    {
      code: payloadMigration('  await db.execute(sql`ALTER TABLE "bookings" ADD CONSTRAINT "bookings_no_overlap" EXCLUDE USING gist ("room_id" WITH =, "during" WITH &&);`)'),
      filename: 'src/migrations/20240101_000000_change.ts',
      errors: [{ messageId: 'addExclusion', line: 4, column: 24, endColumn: 139 }],
    },
  ],
});

describe('no-exclusion-constraint-on-existing-table in .sql files', () => {
  it('reports ADD EXCLUDE on an existing table only', () => {
    const lint = (code: string) => reports(lintSql(code, 'migrations/0042_bookings_no_overlap.sql'), ['no-exclusion-constraint-on-existing-table']);
    expect(lint(`ALTER TABLE bookings ADD CONSTRAINT bookings_no_overlap ${exclude};\n`)).toEqual([
      { ruleId: 'live-upgrade/no-exclusion-constraint-on-existing-table', line: 1, column: 1, endLine: 1, endColumn: 108 },
    ]);
    expect(lint(`CREATE TABLE bookings (room_id int, during tstzrange);\nALTER TABLE bookings ADD ${exclude};\n`)).toEqual([]);
  });
});

ruleTester().run('no-exclusion-constraint-on-existing-table (node-pg-migrate, TypeORM)', rule, {
  valid: [
    nodePgMigrateMigration(`  pgm.createTable('room_bookings', { room_id: { type: 'bigint' }, during: { type: 'tstzrange' } });
  pgm.addConstraint('room_bookings', 'room_bookings_no_overlap', { exclude: 'USING gist (room_id WITH =, during WITH &&)' });`),
  ],
  invalid: [
    {
      code: nodePgMigrateMigration("  pgm.addConstraint('bookings', 'bookings_no_overlap', { exclude: 'USING gist (room_id WITH =, during WITH &&)' });"),
      errors: [{ messageId: 'addExclusion', line: 6, column: 3, endColumn: 115, data: { constraint: 'bookings_no_overlap', table: 'bookings' } }],
    },
    {
      code: typeormMigration(
        '        await queryRunner.query(`ALTER TABLE "booking" ADD CONSTRAINT "XCL_booking_no_overlap" EXCLUDE USING gist ("roomId" WITH =, "during" WITH &&)`);',
      ),
      errors: [{ messageId: 'addExclusion', line: 6, column: 34, endColumn: 150, data: { constraint: 'XCL_booking_no_overlap', table: 'booking' } }],
    },
  ],
});
