import { describe, expect, it } from 'vitest';
import { lintSql, reports } from '../languages/lint-sql.ts';
import rule from '../../src/rules/require-default-for-not-null-column.ts';
import { knexMigration, kyselyMigration, mikroOrmMigration, nodePgMigrateMigration, ruleTester, sequelizeMigration, typeormMigration } from '../fixtures.ts';

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

ruleTester().run('require-default-for-not-null-column (node-pg-migrate, TypeORM, Sequelize, MikroORM)', rule, {
  valid: [
    typeormMigration("        await queryRunner.addColumn('user', new TableColumn({ name: 'slug', type: 'text', isNullable: true }));"),
    nodePgMigrateMigration("  pgm.addColumns('users', { slug: { type: 'text', notNull: true, default: '' } });"),
  ],
  invalid: [
    {
      code: nodePgMigrateMigration("  pgm.addColumns('users', { slug: { type: 'text', notNull: true } });"),
      errors: [{ messageId: 'notNullWithoutDefault', line: 6, column: 3, endColumn: 69, data: { column: 'slug', table: 'users' } }],
    },
    {
      // TableColumn's isNullable defaults to false: the column is NOT NULL.
      code: typeormMigration("        await queryRunner.addColumn('user', new TableColumn({ name: 'slug', type: 'text' }));"),
      errors: [{ messageId: 'notNullWithoutDefault', line: 6, column: 15, endColumn: 93, data: { column: 'slug', table: 'user' } }],
    },
    {
      code: sequelizeMigration("    await queryInterface.addColumn('users', 'slug', { type: Sequelize.TEXT, allowNull: false });"),
      filename: 'migrations/20240101000000-change.js',
      errors: [{ messageId: 'notNullWithoutDefault', line: 6, column: 11, endColumn: 96, data: { column: 'slug', table: 'users' } }],
    },
    {
      code: mikroOrmMigration('    this.addSql(`alter table "user" add column "slug" text not null;`);'),
      errors: [{ messageId: 'notNullWithoutDefault', line: 6, column: 18, endColumn: 68 }],
    },
  ],
});

describe('require-default-for-not-null-column in .sql files', () => {
  it('reports the ADD COLUMN statement', () => {
    const code = 'ALTER TABLE users ADD COLUMN slug text NOT NULL;\n';
    expect(reports(lintSql(code, 'migrations/0042_change.sql'), ['require-default-for-not-null-column'])).toEqual([
      { ruleId: 'live-upgrade/require-default-for-not-null-column', line: 1, column: 1, endLine: 1, endColumn: 48 },
    ]);
  });
});
