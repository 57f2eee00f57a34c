import { describe, expect, it } from 'vitest';
import { lintSql, reports } from '../languages/lint-sql.ts';
import rule from '../../src/rules/prefer-jsonb.ts';
import { knexMigration, kyselyMigration, mikroOrmMigration, nodePgMigrateMigration, ruleTester, sequelizeMigration, typeormMigration } from '../fixtures.ts';

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

ruleTester().run('prefer-jsonb (node-pg-migrate, TypeORM, Sequelize, MikroORM)', rule, {
  valid: [{ code: sequelizeMigration("    await queryInterface.createTable('events', { payload: Sequelize.JSONB });"), filename: 'migrations/20240101000000-change.js' }],
  invalid: [
    {
      code: nodePgMigrateMigration("  pgm.createTable('events', { id: 'id', payload: { type: 'json', notNull: true } });"),
      errors: [{ messageId: 'json', line: 6, column: 3, endColumn: 84, data: { column: 'payload', table: 'events', type: 'json' } }],
    },
    {
      code: typeormMigration("        await queryRunner.createTable(new Table({ name: 'event', columns: [{ name: 'payload', type: 'json' }] }));"),
      errors: [{ messageId: 'json', line: 6, column: 15, endColumn: 114, data: { column: 'payload', table: 'event', type: 'json' } }],
    },
    {
      code: sequelizeMigration("    await queryInterface.createTable('events', { payload: Sequelize.JSON });"),
      filename: 'migrations/20240101000000-change.js',
      errors: [{ messageId: 'json', line: 6, column: 11, endColumn: 76, data: { column: 'payload', table: 'events', type: 'json' } }],
    },
    {
      code: mikroOrmMigration('    this.addSql(`create table "event" ("id" bigserial primary key, "payload" json not null);`);'),
      errors: [
        {
          messageId: 'json',
          line: 6,
          column: 18,
          endColumn: 92,
          suggestions: [{ messageId: 'useJsonb', output: mikroOrmMigration('    this.addSql(`create table "event" ("id" bigserial primary key, "payload" jsonb not null);`);') }],
        },
      ],
    },
  ],
});

describe('prefer-jsonb in .sql files', () => {
  it('reports the CREATE TABLE statement', () => {
    const code = 'CREATE TABLE events (id bigint PRIMARY KEY, payload json NOT NULL);\n';
    expect(reports(lintSql(code, 'migrations/0042_change.sql'), ['prefer-jsonb'])).toEqual([
      { ruleId: 'live-upgrade/prefer-jsonb', line: 1, column: 1, endLine: 1, endColumn: 67 },
    ]);
  });
});
