import { describe, expect, it } from 'vitest';
import { lintSql, reports } from '../languages/lint-sql.ts';
import rule from '../../src/rules/no-stored-generated-column.ts';
import { knexMigration, kyselyMigration, mikroOrmMigration, nodePgMigrateMigration, ruleTester, typeormMigration } from '../fixtures.ts';

const stored = "  await knex.raw('ALTER TABLE orders ADD COLUMN total numeric GENERATED ALWAYS AS (price * quantity) STORED');";

ruleTester().run('no-stored-generated-column', rule, {
  valid: [
    knexMigration(`  await knex.raw('CREATE TABLE invoices (price numeric, quantity integer, total numeric GENERATED ALWAYS AS (price * quantity) STORED)');
  await knex.raw('ALTER TABLE invoices ADD COLUMN doubled numeric GENERATED ALWAYS AS (price * 2) STORED');`),
    // Postgres 18: a virtual generated column is computed when read.
    { code: knexMigration("  await knex.raw('ALTER TABLE orders ADD COLUMN total numeric GENERATED ALWAYS AS (price * quantity) VIRTUAL');"), settings: { 'live-upgrade': { postgresVersion: 18 } } },
    kyselyMigration(`  await db.schema.createTable('invoices').addColumn('price', 'numeric').execute();
  await db.schema.alterTable('invoices').addColumn('total', 'numeric', (col) => col.generatedAlwaysAs(sql\`price * 2\`).stored()).execute();`),
    knexMigration('', { down: stored }),
  ],
  invalid: [
    {
      code: knexMigration(stored),
      errors: [{ messageId: 'storedGenerated', line: 4, column: 19, endColumn: 108, data: { column: 'total', table: 'orders', virtual: '' }, suggestions: [] }],
    },
    {
      code: knexMigration(stored),
      settings: { 'live-upgrade': { postgresVersion: 18 } },
      errors: [
        {
          messageId: 'storedGenerated',
          data: { column: 'total', table: 'orders', virtual: ', or make it VIRTUAL (computed when read)' },
          suggestions: [{ messageId: 'makeVirtual', output: knexMigration(stored.replace('STORED', 'VIRTUAL')) }],
        },
      ],
    },
    {
      code: kyselyMigration("  await db.schema.alterTable('orders').addColumn('total', 'numeric', (col) => col.generatedAlwaysAs(sql`price * quantity`).stored()).execute();"),
      errors: [{ messageId: 'storedGenerated', line: 4, column: 40 }],
    },
    {
      code: kyselyMigration('  await sql`ALTER TABLE orders ADD total numeric GENERATED ALWAYS AS (price * quantity) STORED`.execute(db);'),
      errors: [{ messageId: 'storedGenerated', line: 4, column: 13 }],
    },
    {
      code: knexMigration('', { down: stored }),
      options: [{ checkDown: true }],
      errors: [{ messageId: 'storedGenerated', line: 8, column: 19 }],
    },
  ],
});

ruleTester().run('no-stored-generated-column (node-pg-migrate, TypeORM, MikroORM)', rule, {
  valid: [nodePgMigrateMigration("  pgm.addColumns('orders', { total: { type: 'numeric' } });")],
  invalid: [
    {
      code: nodePgMigrateMigration("  pgm.addColumns('orders', { total: { type: 'numeric', expressionGenerated: 'price * quantity' } });"),
      errors: [{ messageId: 'storedGenerated', line: 6, column: 3, endColumn: 100, data: { column: 'total', table: 'orders', virtual: '' } }],
    },
    {
      code: typeormMigration("        await queryRunner.addColumn('order', new TableColumn({ name: 'total', type: 'numeric', isNullable: true, generatedType: 'STORED', asExpression: 'price * quantity' }));"),
      errors: [{ messageId: 'storedGenerated', line: 6, column: 15, endColumn: 175, data: { column: 'total', table: 'order', virtual: '' } }],
    },
    {
      code: mikroOrmMigration('    this.addSql(`alter table "order" add column "total" numeric generated always as ("price" * "quantity") stored;`);'),
      errors: [{ messageId: 'storedGenerated', line: 6, column: 18, endColumn: 114 }],
    },
  ],
});

describe('no-stored-generated-column in .sql files', () => {
  it('reports the ADD COLUMN statement', () => {
    const code = 'ALTER TABLE orders ADD COLUMN total numeric GENERATED ALWAYS AS (price * quantity) STORED;\n';
    expect(reports(lintSql(code, 'migrations/0042_change.sql'), ['no-stored-generated-column'])).toEqual([
      { ruleId: 'live-upgrade/no-stored-generated-column', line: 1, column: 1, endLine: 1, endColumn: 90 },
    ]);
  });
});
