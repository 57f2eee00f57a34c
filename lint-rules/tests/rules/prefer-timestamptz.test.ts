import { describe, expect, it } from 'vitest';
import { lintSql, reports } from '../languages/lint-sql.ts';
import rule from '../../src/rules/prefer-timestamptz.ts';
import { knexMigration, kyselyMigration, mikroOrmMigration, nodePgMigrateMigration, ruleTester, sequelizeMigration, typeormMigration } from '../fixtures.ts';

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

ruleTester().run('prefer-timestamptz (node-pg-migrate, TypeORM, Sequelize, MikroORM)', rule, {
  valid: [
    // Sequelize's DATE is timestamp with time zone.
    { code: sequelizeMigration("    await queryInterface.addColumn('events', 'at', { type: Sequelize.DATE });"), filename: 'migrations/20240101000000-change.js' },
    typeormMigration("        await queryRunner.addColumn('event', new TableColumn({ name: 'at', type: 'timestamptz', isNullable: true }));"),
  ],
  invalid: [
    {
      code: nodePgMigrateMigration("  pgm.addColumns('events', { at: { type: 'timestamp' } });"),
      errors: [{ messageId: 'timestamp', line: 6, column: 3, endColumn: 58, data: { column: 'at', table: 'events', type: 'timestamp' } }],
    },
    {
      code: typeormMigration("        await queryRunner.addColumn('event', new TableColumn({ name: 'at', type: 'timestamp', isNullable: true }));"),
      errors: [{ messageId: 'timestamp', line: 6, column: 15, endColumn: 115, data: { column: 'at', table: 'event', type: 'timestamp' } }],
    },
    {
      code: mikroOrmMigration('    this.addSql(`alter table "event" add column "at" timestamp(0) null;`);'),
      errors: [
        {
          messageId: 'timestamp',
          line: 6,
          column: 18,
          endColumn: 71,
          data: { column: 'at', table: 'event', type: 'timestamp(0)' },
          suggestions: [{ messageId: 'useTimestamptz', output: mikroOrmMigration('    this.addSql(`alter table "event" add column "at" timestamptz(0) null;`);') }],
        },
      ],
    },
  ],
});

describe('prefer-timestamptz in .sql files', () => {
  it('reports the ADD COLUMN statement', () => {
    const code = 'ALTER TABLE events ADD COLUMN at timestamp;\n';
    expect(reports(lintSql(code, 'migrations/0042_change.sql'), ['prefer-timestamptz'])).toEqual([
      { ruleId: 'live-upgrade/prefer-timestamptz', line: 1, column: 1, endLine: 1, endColumn: 43 },
    ]);
  });
});
