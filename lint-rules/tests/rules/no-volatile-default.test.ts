import { describe, expect, it } from 'vitest';
import { lintSql, reports } from '../languages/lint-sql.ts';
import rule from '../../src/rules/no-volatile-default.ts';
import { knexMigration, kyselyMigration, mikroOrmMigration, nodePgMigrateMigration, payloadMigration, ruleTester, sequelizeMigration, typeormMigration } from '../fixtures.ts';

ruleTester().run('no-volatile-default', rule, {
  valid: [
    // A constant or stable default is stored in the catalog from Postgres 11 on.
    knexMigration(`  await knex.schema.alterTable('users', (table) => {
    table.boolean('active').notNullable().defaultTo(true);
    table.timestamp('seen_at').defaultTo(knex.fn.now());
  });`),
    knexMigration("  await knex.raw('ALTER TABLE users ADD COLUMN score integer NOT NULL DEFAULT 0, ADD COLUMN note text DEFAULT NULL');"),
    kyselyMigration("  await db.schema.alterTable('users').addColumn('score', 'integer', (col) => col.notNull().defaultTo(0)).execute();"),
    // The recipe: add without a default, then set it for new rows only.
    kyselyMigration(`  await sql\`ALTER TABLE users ADD COLUMN token uuid\`.execute(db);
  await sql\`ALTER TABLE users ALTER COLUMN token SET DEFAULT gen_random_uuid()\`.execute(db);`),
    // A new table has no rows to rewrite.
    knexMigration(`  await knex.schema.createTable('sessions', (table) => {
    table.uuid('id').primary().defaultTo(knex.fn.uuid());
  });
  await knex.schema.alterTable('sessions', (table) => table.float('weight').defaultTo(knex.raw('random()')));`),
    knexMigration('', { down: "  await knex.raw('ALTER TABLE users ADD COLUMN token uuid DEFAULT gen_random_uuid()');" }),
    { code: knexMigration("  await knex.raw('ALTER TABLE users ADD COLUMN note text DEFAULT NULL');"), settings: { 'live-upgrade': { postgresVersion: 10 } } },
  ],
  invalid: [
    {
      code: knexMigration(`  await knex.schema.alterTable('users', (table) => {
    table.uuid('token').defaultTo(knex.fn.uuid());
    table.uuid('secret').defaultTo(knex.raw('gen_random_uuid()'));
  });`),
      errors: [
        { messageId: 'volatileDefault', line: 5, column: 5, endColumn: 24, data: { column: 'token', table: 'users', default: 'knex.fn.uuid()' } },
        { messageId: 'volatileDefault', line: 6, column: 5, data: { column: 'secret', table: 'users', default: "knex.raw('gen_random_uuid()')" } },
      ],
    },
    {
      code: knexMigration("  await knex.raw('ALTER TABLE users ADD COLUMN token uuid DEFAULT gen_random_uuid(), ADD COLUMN weight float8 DEFAULT random()');"),
      errors: [
        { messageId: 'volatileDefault', line: 4, column: 19, data: { column: 'token', table: 'users', default: 'gen_random_uuid()' } },
        { messageId: 'volatileDefault', line: 4, column: 19, data: { column: 'weight', table: 'users', default: 'random()' } },
      ],
    },
    {
      code: kyselyMigration("  await db.schema.alterTable('users').addColumn('token', 'uuid', (col) => col.defaultTo(sql`gen_random_uuid()`)).execute();"),
      errors: [{ messageId: 'volatileDefault', line: 4, column: 39, data: { column: 'token', table: 'users', default: 'sql`gen_random_uuid()`' } }],
    },
    {
      code: kyselyMigration('  await sql`ALTER TABLE users ADD COLUMN seen_at timestamptz DEFAULT clock_timestamp()`.execute(db);'),
      errors: [{ messageId: 'volatileDefault', line: 4, column: 13, endColumn: 87, data: { column: 'seen_at', table: 'users', default: 'clock_timestamp()' } }],
    },
    {
      // Before Postgres 11 even a constant default is written into every row.
      code: kyselyMigration("  await db.schema.alterTable('users').addColumn('score', 'integer', (col) => col.defaultTo(0)).execute();"),
      settings: { 'live-upgrade': { postgresVersion: 10 } },
      errors: [{ messageId: 'anyDefault', line: 4, column: 39, data: { column: 'score', table: 'users', default: '0', version: '10' } }],
    },
    {
      code: knexMigration('', { down: "  await knex.raw('ALTER TABLE users ADD COLUMN token uuid DEFAULT gen_random_uuid()');" }),
      options: [{ checkDown: true }],
      errors: [{ messageId: 'volatileDefault', line: 8, column: 19 }],
    },
  ],
});

ruleTester().run('no-volatile-default (node-pg-migrate, TypeORM, Sequelize, MikroORM, Payload)', rule, {
  valid: [
    nodePgMigrateMigration("  pgm.addColumns('users', { active: { type: 'boolean', notNull: true, default: true } });"),
    // Sequelize fills UUIDV4 in JavaScript on model inserts; the column gets no database default.
    { code: sequelizeMigration("    await queryInterface.addColumn('users', 'token', { type: Sequelize.UUID, defaultValue: Sequelize.UUIDV4 });"), filename: 'migrations/20240101000000-change.js' },
  ],
  invalid: [
    {
      code: nodePgMigrateMigration("  pgm.addColumns('users', { token: { type: 'uuid', default: pgm.func('gen_random_uuid()') } });"),
      errors: [{ messageId: 'volatileDefault', line: 6, column: 3, endColumn: 95, data: { column: 'token', table: 'users', default: 'gen_random_uuid()' } }],
    },
    {
      code: typeormMigration("        await queryRunner.addColumn('user', new TableColumn({ name: 'token', type: 'uuid', isNullable: true, default: 'gen_random_uuid()' }));"),
      errors: [{ messageId: 'volatileDefault', line: 6, column: 15, endColumn: 142, data: { column: 'token', table: 'user', default: 'gen_random_uuid()' } }],
    },
    {
      code: sequelizeMigration("    await queryInterface.addColumn('users', 'token', { type: Sequelize.UUID, defaultValue: Sequelize.literal('gen_random_uuid()') });"),
      filename: 'migrations/20240101000000-change.js',
      errors: [{ messageId: 'volatileDefault', line: 6, column: 11, endColumn: 133, data: { column: 'token', table: 'users', default: 'gen_random_uuid()' } }],
    },
    {
      code: mikroOrmMigration('    this.addSql(`alter table "user" add column "token" uuid null default gen_random_uuid();`);'),
      errors: [{ messageId: 'volatileDefault', line: 6, column: 18, endColumn: 91 }],
    },
    {
      code: payloadMigration('  await db.execute(sql`ALTER TABLE "users" ADD COLUMN "token" uuid DEFAULT gen_random_uuid();`)'),
      filename: 'src/migrations/20240101_000000_change.ts',
      errors: [{ messageId: 'volatileDefault', line: 4, column: 24, endColumn: 93 }],
    },
  ],
});

describe('no-volatile-default in .sql files', () => {
  it('reports the ADD COLUMN statement', () => {
    const code = 'ALTER TABLE "users" ADD COLUMN "token" uuid DEFAULT gen_random_uuid();\n';
    expect(reports(lintSql(code, 'migrations/0042_change.sql'), ['no-volatile-default'])).toEqual([
      { ruleId: 'live-upgrade/no-volatile-default', line: 1, column: 1, endLine: 1, endColumn: 70 },
    ]);
  });
});
