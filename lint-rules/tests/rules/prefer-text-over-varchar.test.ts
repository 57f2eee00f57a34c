import { describe, expect, it } from 'vitest';
import { lintSql, reports } from '../languages/lint-sql.ts';
import rule from '../../src/rules/prefer-text-over-varchar.ts';
import { knexMigration, kyselyMigration, mikroOrmMigration, nodePgMigrateMigration, ruleTester, sequelizeMigration, typeormMigration } from '../fixtures.ts';

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

ruleTester().run('prefer-text-over-varchar (node-pg-migrate, TypeORM, Sequelize, MikroORM)', rule, {
  valid: [{ code: sequelizeMigration("    await queryInterface.addColumn('users', 'name', { type: Sequelize.TEXT });"), filename: 'migrations/20240101000000-change.js' }],
  invalid: [
    {
      code: nodePgMigrateMigration("  pgm.addColumns('users', { name: { type: 'varchar(100)' } });"),
      errors: [{ messageId: 'varchar', line: 6, column: 3, endColumn: 62, data: { column: 'name', table: 'users', type: 'varchar(100)' } }],
    },
    {
      code: typeormMigration("        await queryRunner.addColumn('user', new TableColumn({ name: 'name', type: 'varchar', length: '100', isNullable: true }));"),
      errors: [{ messageId: 'varchar', line: 6, column: 15, endColumn: 129, data: { column: 'name', table: 'user', type: 'varchar(100)' } }],
    },
    {
      // Sequelize's STRING is varchar(255).
      code: sequelizeMigration("    await queryInterface.addColumn('users', 'name', { type: Sequelize.STRING });"),
      filename: 'migrations/20240101000000-change.js',
      errors: [{ messageId: 'varchar', line: 6, column: 11, endColumn: 80, data: { column: 'name', table: 'users', type: 'varchar(255)' } }],
    },
    {
      code: mikroOrmMigration('    this.addSql(`alter table "user" add column "name" varchar(255) null;`);'),
      errors: [
        {
          messageId: 'varchar',
          line: 6,
          column: 18,
          endColumn: 72,
          suggestions: [{ messageId: 'useText', output: mikroOrmMigration('    this.addSql(`alter table "user" add column "name" text null;`);') }],
        },
      ],
    },
  ],
});

describe('prefer-text-over-varchar in .sql files', () => {
  it('reports the ADD COLUMN statement', () => {
    const code = 'ALTER TABLE users ADD COLUMN name varchar(100);\n';
    expect(reports(lintSql(code, 'migrations/0042_change.sql'), ['prefer-text-over-varchar'])).toEqual([
      { ruleId: 'live-upgrade/prefer-text-over-varchar', line: 1, column: 1, endLine: 1, endColumn: 47 },
    ]);
  });
});
