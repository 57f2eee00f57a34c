import rule from '../../src/rules/prefer-bigint.ts';
import { knexMigration, kyselyMigration, ruleTester } from '../fixtures.ts';

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
