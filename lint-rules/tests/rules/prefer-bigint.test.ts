import { describe, expect, it } from 'vitest';
import { lintSql, reports } from '../languages/lint-sql.ts';
import rule from '../../src/rules/prefer-bigint.ts';
import { knexMigration, kyselyMigration, mikroOrmMigration, nodePgMigrateMigration, ruleTester, sequelizeMigration, typeormMigration } from '../fixtures.ts';

const integerKey = { max: '2,147,483,647', wide: 'bigint' };

ruleTester().run('prefer-bigint', rule, {
  valid: [
    // Counts and amounts are not keys.
    knexMigration(`  await knex.schema.createTable('orders', (table) => {
    table.bigIncrements('id');
    table.bigInteger('customer_id').references('customers.id');
    table.integer('quantity');
  });`),
    kyselyMigration("  await db.schema.alterTable('orders').addColumn('position', 'smallint').execute();"),
    knexMigration("  await knex.raw('CREATE TABLE orders (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, customer_id bigint)');"),
  ],
  invalid: [
    {
      code: knexMigration(`  await knex.schema.createTable('orders', (table) => {
    table.increments('id');
    table.integer('customer_id');
  });`),
      errors: [
        { messageId: 'narrowKey', line: 4, column: 21, data: { column: 'id', table: 'orders', type: 'serial', max: '2,147,483,647', wide: 'bigserial' } },
        { messageId: 'narrowKey', line: 4, column: 21, data: { column: 'customer_id', table: 'orders', type: 'integer', ...integerKey } },
      ],
    },
    {
      code: knexMigration("  await knex.raw('ALTER TABLE orders ADD COLUMN coupon_id int REFERENCES coupons (id)');"),
      errors: [
        {
          messageId: 'narrowKey',
          line: 4,
          column: 19,
          data: { column: 'coupon_id', table: 'orders', type: 'integer', ...integerKey },
          suggestions: [{ messageId: 'useBigint', data: { wide: 'bigint' }, output: knexMigration("  await knex.raw('ALTER TABLE orders ADD COLUMN coupon_id bigint REFERENCES coupons (id)');") }],
        },
      ],
    },
    {
      code: kyselyMigration("  await db.schema.createTable('tags').addColumn('tagId', 'int4', (col) => col.primaryKey()).execute();"),
      errors: [{ messageId: 'narrowKey', line: 4, column: 19, data: { column: 'tagId', table: 'tags', type: 'int4', ...integerKey } }],
    },
    {
      code: kyselyMigration('  await sql`CREATE TABLE tags (id smallserial PRIMARY KEY)`.execute(db);'),
      errors: [
        {
          messageId: 'narrowKey',
          line: 4,
          column: 13,
          data: { column: 'id', table: 'tags', type: 'smallserial', max: '32,767', wide: 'bigserial' },
          suggestions: [{ messageId: 'useBigint', data: { wide: 'bigserial' }, output: kyselyMigration('  await sql`CREATE TABLE tags (id bigserial PRIMARY KEY)`.execute(db);') }],
        },
      ],
    },
  ],
});

ruleTester().run('prefer-bigint (node-pg-migrate, TypeORM, Sequelize, MikroORM)', rule, {
  valid: [{ code: sequelizeMigration("    await queryInterface.createTable('orders', { id: { type: Sequelize.BIGINT, primaryKey: true, autoIncrement: true } });"), filename: 'migrations/20240101000000-change.js' }],
  invalid: [
    {
      // node-pg-migrate's `id` shorthand is a serial primary key.
      code: nodePgMigrateMigration("  pgm.createTable('orders', { id: 'id', customer_id: { type: 'integer', references: 'customers' } });"),
      errors: [
        { messageId: 'narrowKey', line: 6, column: 3, endColumn: 101, data: { column: 'id', table: 'orders', type: 'serial', max: '2,147,483,647', wide: 'bigserial' } },
        { messageId: 'narrowKey', line: 6, column: 3, endColumn: 101, data: { column: 'customer_id', table: 'orders', type: 'integer', max: '2,147,483,647', wide: 'bigint' } },
      ],
    },
    {
      code: typeormMigration(
        "        await queryRunner.createTable(new Table({ name: 'order', columns: [{ name: 'id', type: 'int', isPrimary: true, isGenerated: true, generationStrategy: 'increment' }] }));",
      ),
      errors: [{ messageId: 'narrowKey', line: 6, column: 15, endColumn: 177, data: { column: 'id', table: 'order', type: 'serial', max: '2,147,483,647', wide: 'bigserial' } }],
    },
    {
      code: sequelizeMigration("    await queryInterface.createTable('orders', { id: { type: Sequelize.INTEGER, primaryKey: true, autoIncrement: true } });"),
      filename: 'migrations/20240101000000-change.js',
      errors: [{ messageId: 'narrowKey', line: 6, column: 11, endColumn: 123, data: { column: 'id', table: 'orders', type: 'serial', max: '2,147,483,647', wide: 'bigserial' } }],
    },
    {
      code: mikroOrmMigration('    this.addSql(`create table "order" ("id" serial primary key, "customer_id" int not null);`);'),
      errors: [
        {
          messageId: 'narrowKey',
          line: 6,
          column: 18,
          suggestions: [{ messageId: 'useBigint', data: { wide: 'bigserial' }, output: mikroOrmMigration('    this.addSql(`create table "order" ("id" bigserial primary key, "customer_id" int not null);`);') }],
        },
        {
          messageId: 'narrowKey',
          line: 6,
          column: 18,
          suggestions: [{ messageId: 'useBigint', data: { wide: 'bigint' }, output: mikroOrmMigration('    this.addSql(`create table "order" ("id" serial primary key, "customer_id" bigint not null);`);') }],
        },
      ],
    },
  ],
});

describe('prefer-bigint in .sql files', () => {
  it('reports the CREATE TABLE statement', () => {
    const code = 'CREATE TABLE orders (id serial PRIMARY KEY);\n';
    expect(reports(lintSql(code, 'migrations/0042_change.sql'), ['prefer-bigint'])).toEqual([
      { ruleId: 'live-upgrade/prefer-bigint', line: 1, column: 1, endLine: 1, endColumn: 44 },
    ]);
  });
});
