import { describe, expect, it } from 'vitest';
import { lintSql, reports } from '../languages/lint-sql.ts';
import rule from '../../src/rules/no-long-identifier.ts';
import { knexMigration, kyselyMigration, mikroOrmMigration, nodePgMigrateMigration, ruleTester, sequelizeMigration, typeormMigration } from '../fixtures.ts';

// 64 bytes: one more than Postgres keeps.
const long = 'orders_customer_shipping_address_postal_code_verification_status';
const kept = long.slice(0, 63);
// 22 characters of 3 bytes each: 66 bytes, cut to 21 characters (63 bytes).
const wide = '名'.repeat(22);

ruleTester().run('no-long-identifier', rule, {
  valid: [
    knexMigration(`  await knex.schema.alterTable('orders', (table) => table.text('${kept}'));`),
    knexMigration(`  await knex.raw('ALTER TABLE orders ADD COLUMN ${kept} text');`),
    // A long string constant is not a name.
    knexMigration(`  await knex.raw("UPDATE orders SET note = '${long}'");`),
  ],
  invalid: [
    {
      code: knexMigration(`  await knex.schema.alterTable('orders', (table) => {
    table.text('${long}');
    table.index(['${long}']);
  });`),
      errors: [
        { messageId: 'longIdentifier', line: 5, column: 5, data: { name: long, bytes: '64', kept } },
        { messageId: 'longIdentifier', line: 6, column: 5, data: { name: `orders_${long}_index`, bytes: '77', kept: `orders_${long}_index`.slice(0, 63) } },
      ],
    },
    {
      code: knexMigration(`  await knex.raw('CREATE TABLE "${wide}" (id bigint, ${long} text)');`),
      errors: [
        { messageId: 'longIdentifier', line: 4, column: 19, data: { name: wide, bytes: '66', kept: '名'.repeat(21) } },
        { messageId: 'longIdentifier', line: 4, column: 19, data: { name: long, bytes: '64', kept } },
      ],
    },
    {
      code: kyselyMigration(`  await db.schema.createTable('orders').addColumn('id', 'bigint').addUniqueConstraint('${long}', ['id']).execute();`),
      errors: [{ messageId: 'longIdentifier', line: 4, column: 19, data: { name: long, bytes: '64', kept } }],
    },
    {
      code: kyselyMigration(`  await sql\`CREATE INDEX ${long.toUpperCase()} ON orders (id)\`.execute(db);`),
      errors: [{ messageId: 'longIdentifier', line: 4, column: 13, data: { name: long, bytes: '64', kept } }],
    },
    {
      code: kyselyMigration(`  await db.schema.alterTable('orders').renameColumn('code', '${long}').execute();`),
      errors: [{ messageId: 'longIdentifier', line: 4, column: 40, data: { name: long, bytes: '64', kept } }],
    },
  ],
});

ruleTester().run('no-long-identifier (node-pg-migrate, TypeORM, Sequelize, MikroORM)', rule, {
  valid: [nodePgMigrateMigration(`  pgm.createIndex('orders', 'postal_code', { name: '${kept}' });`)],
  invalid: [
    {
      code: nodePgMigrateMigration(`  pgm.createIndex('orders', 'postal_code', { name: '${long}' });`),
      errors: [{ messageId: 'longIdentifier', line: 6, column: 3, endColumn: 121, data: { name: long, bytes: '64', kept } }],
    },
    {
      code: typeormMigration(`        await queryRunner.addColumn('order', new TableColumn({ name: '${long}', type: 'text', isNullable: true }));`),
      errors: [{ messageId: 'longIdentifier', line: 6, column: 15, data: { name: long, bytes: '64', kept } }],
    },
    {
      code: sequelizeMigration(`    await queryInterface.addColumn('orders', '${long}', Sequelize.TEXT);`),
      filename: 'migrations/20240101000000-change.js',
      errors: [{ messageId: 'longIdentifier', line: 6, column: 11, data: { name: long, bytes: '64', kept } }],
    },
    {
      code: mikroOrmMigration(`    this.addSql(\`alter table "order" add column "${long}" text null;\`);`),
      errors: [{ messageId: 'longIdentifier', line: 6, column: 18, data: { name: long, bytes: '64', kept } }],
    },
  ],
});

describe('no-long-identifier in .sql files', () => {
  it('reports the statement that names the index', () => {
    const code = 'CREATE INDEX orders_customer_shipping_address_postal_code_verification_status ON orders (id);\n';
    expect(reports(lintSql(code, 'migrations/0042_change.sql'), ['no-long-identifier'])).toEqual([
      { ruleId: 'live-upgrade/no-long-identifier', line: 1, column: 1, endLine: 1, endColumn: 93 },
    ]);
  });
});
