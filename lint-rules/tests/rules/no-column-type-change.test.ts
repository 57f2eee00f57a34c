import { describe, expect, it } from 'vitest';
import { lintSql, reports } from '../languages/lint-sql.ts';
import rule from '../../src/rules/no-column-type-change.ts';
import { knexMigration, kyselyMigration, mikroOrmMigration, nodePgMigrateMigration, ruleTester, sequelizeMigration, typeormMigration } from '../fixtures.ts';

const alter = (column: string) => `  await knex.schema.alterTable('users', (table) => {
    ${column}.alter({ alterNullable: false });
  });`;

ruleTester().run('no-column-type-change', rule, {
  valid: [
    // The down migration changes the column back, so the old type is known: widening needs no rewrite.
    knexMigration(alter("table.string('name', 200)"), { down: alter("table.string('name', 100)") }),
    knexMigration("  await knex.raw('ALTER TABLE users ALTER COLUMN bio TYPE text');", {
      down: "  await knex.raw('ALTER TABLE users ALTER COLUMN bio TYPE varchar(500)');",
    }),
    kyselyMigration(
      "  await db.schema.alterTable('orders').alterColumn('price', (col) => col.setDataType('numeric(12, 2)')).execute();",
      "  await db.schema.alterTable('orders').alterColumn('price', (col) => col.setDataType('numeric(10, 2)')).execute();",
    ),
    kyselyMigration('  await sql`ALTER TABLE hosts ALTER COLUMN address TYPE inet USING address::inet`.execute(db);', '  await sql`ALTER TABLE hosts ALTER COLUMN address TYPE cidr`.execute(db);'),
    // A column added earlier in the migration has a known type.
    knexMigration("  await knex.raw('ALTER TABLE users ADD COLUMN code varchar(10); ALTER TABLE users ALTER COLUMN code TYPE varchar(20)');"),
    kyselyMigration(`  await db.schema.createTable('drafts').addColumn('n', 'integer').execute();
  await db.schema.alterTable('drafts').alterColumn('n', (col) => col.setDataType('bigint')).execute();`),
    knexMigration('', { down: "  await knex.raw('ALTER TABLE users ALTER COLUMN age TYPE integer');" }),
  ],
  invalid: [
    {
      code: knexMigration(alter("table.bigInteger('id')")),
      errors: [{ messageId: 'unknownTypeChange', line: 5, column: 5, endColumn: 27, data: { column: 'id', table: 'users', from: '', to: 'bigint' } }],
    },
    {
      code: knexMigration("  await knex.raw('ALTER TABLE users ALTER COLUMN age TYPE bigint');", {
        down: "  await knex.raw('ALTER TABLE users ALTER COLUMN age TYPE integer');",
      }),
      errors: [{ messageId: 'typeChange', line: 4, column: 19, endColumn: 65, data: { column: 'age', table: 'users', from: 'integer', to: 'bigint' } }],
    },
    {
      // A USING that computes new values rewrites the table even between coercible types.
      code: knexMigration("  await knex.raw('ALTER TABLE users ALTER COLUMN email TYPE text USING lower(email)');", {
        down: "  await knex.raw('ALTER TABLE users ALTER COLUMN email TYPE varchar(200)');",
      }),
      errors: [{ messageId: 'typeChange', line: 4, column: 19, data: { column: 'email', table: 'users', from: 'varchar(200)', to: 'text' } }],
    },
    {
      code: kyselyMigration(
        "  await db.schema.alterTable('users').alterColumn('name', (col) => col.setDataType('varchar(50)')).execute();",
        "  await db.schema.alterTable('users').alterColumn('name', (col) => col.setDataType('varchar(100)')).execute();",
      ),
      errors: [{ messageId: 'typeChange', line: 4, column: 39, data: { column: 'name', table: 'users', from: 'varchar(100)', to: 'varchar(50)' } }],
    },
    {
      code: kyselyMigration('  await sql`ALTER TABLE ${sql.table(\'users\')} ALTER COLUMN score TYPE numeric(10, 2)`.execute(db);'),
      errors: [{ messageId: 'unknownTypeChange', line: 4, column: 13, data: { column: 'score', table: 'users', from: '', to: 'numeric(10,2)' } }],
    },
    {
      // Checking down: narrowing back from text is a rewrite.
      code: knexMigration("  await knex.raw('ALTER TABLE users ALTER COLUMN bio TYPE text');", {
        down: "  await knex.raw('ALTER TABLE users ALTER COLUMN bio TYPE varchar(500)');",
      }),
      options: [{ checkDown: true }],
      errors: [{ messageId: 'typeChange', line: 8, column: 19, data: { column: 'bio', table: 'users', from: 'text', to: 'varchar(500)' } }],
    },
  ],
});

ruleTester().run('no-column-type-change (node-pg-migrate, TypeORM, Sequelize, MikroORM)', rule, {
  valid: [
    nodePgMigrateMigration("  pgm.alterColumn('users', 'bio', { type: 'text' });", "  pgm.alterColumn('users', 'bio', { type: 'varchar(500)' });"),
    // TypeORM's changeColumn states the old column: a precision increase at the same scale is free.
    typeormMigration(
      "        await queryRunner.changeColumn('order', new TableColumn({ name: 'price', type: 'numeric', precision: 10, scale: 2 }), new TableColumn({ name: 'price', type: 'numeric', precision: 12, scale: 2 }));",
    ),
  ],
  invalid: [
    {
      code: nodePgMigrateMigration("  pgm.alterColumn('users', 'age', { type: 'bigint' });"),
      errors: [{ messageId: 'unknownTypeChange', line: 6, column: 3, endColumn: 54, data: { column: 'age', table: 'users', from: '', to: 'bigint' } }],
    },
    {
      code: typeormMigration(
        "        await queryRunner.changeColumn('order', new TableColumn({ name: 'price', type: 'numeric', precision: 10, scale: 2 }), new TableColumn({ name: 'price', type: 'numeric', precision: 12, scale: 4 }));",
      ),
      errors: [{ messageId: 'typeChange', line: 6, column: 15, endColumn: 204, data: { column: 'price', table: 'order', from: 'numeric(10,2)', to: 'numeric(12,4)' } }],
    },
    {
      code: sequelizeMigration("    await queryInterface.changeColumn('users', 'age', { type: Sequelize.BIGINT });"),
      filename: 'migrations/20240101000000-change.js',
      errors: [{ messageId: 'unknownTypeChange', line: 6, column: 11, endColumn: 82, data: { column: 'age', table: 'users', from: '', to: 'bigint' } }],
    },
    {
      code: mikroOrmMigration('    this.addSql(`alter table "user" alter column "age" type bigint using ("age"::bigint);`);'),
      errors: [{ messageId: 'unknownTypeChange', line: 6, column: 18, endColumn: 89, data: { column: 'age', table: 'user', from: '', to: 'bigint' } }],
    },
  ],
});

describe('no-column-type-change in .sql files', () => {
  it('reports the ALTER COLUMN … TYPE statement', () => {
    const code = 'ALTER TABLE users ALTER COLUMN age TYPE bigint;\n';
    expect(reports(lintSql(code, 'migrations/0042_change.sql'), ['no-column-type-change'])).toEqual([
      { ruleId: 'live-upgrade/no-column-type-change', line: 1, column: 1, endLine: 1, endColumn: 47 },
    ]);
  });
});
