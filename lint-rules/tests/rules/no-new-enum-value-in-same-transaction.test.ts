import { describe, expect, it } from 'vitest';
import rule from '../../src/rules/no-new-enum-value-in-same-transaction.ts';
import { knexMigration, kyselyMigration, mikroOrmMigration, nodePgMigrateMigration, payloadMigration, ruleTester, sequelizeMigration, typeormMigration } from '../fixtures.ts';
import { lintSql } from '../languages/lint-sql.ts';

const addValue = `  await knex.raw("ALTER TYPE order_status ADD VALUE 'archived'");`;
const noTransaction = { config: 'export const config = { transaction: false };' };

ruleTester().run('no-new-enum-value-in-same-transaction', rule, {
  valid: [
    knexMigration(addValue),
    // Outside a transaction each statement commits on its own.
    knexMigration(`${addValue}\n  await knex.raw("UPDATE orders SET status = 'archived' WHERE closed_at < now() - interval '1 year'");`, noTransaction),
    // A value of a type created in the same transaction can be used at once.
    kyselyMigration(`  await sql\`CREATE TYPE order_status AS ENUM ('open', 'closed')\`.execute(db);
  await sql\`ALTER TYPE order_status ADD VALUE 'archived'\`.execute(db);
  await sql\`CREATE TABLE orders (id bigint, status order_status DEFAULT 'archived')\`.execute(db);`),
    // Naming the new value as the neighbour of another one reads the catalog only.
    knexMigration(`${addValue}\n  await knex.raw("ALTER TYPE order_status ADD VALUE 'purged' AFTER 'archived'");`),
    // Sequelize runs each call on its own unless the migration passes it a transaction.
    sequelizeMigration(`    await queryInterface.sequelize.query("ALTER TYPE enum_orders_status ADD VALUE 'archived' AFTER 'closed'");
    await queryInterface.bulkUpdate('orders', { status: 'archived' }, { id: 1 });`),
    // The value is used in down, a different run.
    knexMigration(addValue, { down: `  await knex.raw("UPDATE orders SET status = 'closed' WHERE status = 'archived'");` }),
  ],
  invalid: [
    {
      code: knexMigration(`${addValue}\n  await knex.raw("UPDATE orders SET status = 'archived' WHERE closed_at < now() - interval '1 year'");`),
      errors: [{ messageId: 'useBeforeCommit', line: 5, column: 19, data: { value: 'archived', type: 'order_status', line: '4' } }],
    },
    {
      code: kyselyMigration(`  await sql\`ALTER TYPE public.order_status ADD VALUE 'archived' BEFORE 'closed'\`.execute(db);
  await sql\`ALTER TABLE orders ALTER COLUMN status SET DEFAULT 'archived'\`.execute(db);
  await db.schema.alterTable('orders').alterColumn('status', (col) => col.setDefault('archived')).execute();`),
      errors: [
        { messageId: 'useBeforeCommit', line: 5, column: 13, data: { value: 'archived', type: 'order_status', line: '4' } },
        { messageId: 'useBeforeCommit', line: 6, column: 40 },
      ],
    },
    {
      // Knex's builder writes the default in a later call of the chain.
      code: knexMigration(`${addValue}
  await knex.schema.alterTable('orders', (table) => {
    table.string('status').defaultTo('archived').alter();
  });`),
      errors: [{ messageId: 'useBeforeCommit', line: 6, column: 5 }],
    },
    {
      code: knexMigration(`${addValue}\n  await knex('orders').where('id', 1).update({ status: 'archived' });`),
      errors: [{ messageId: 'useBeforeCommit', line: 5, column: 9 }],
    },
    {
      code: kyselyMigration(`  await sql\`ALTER TYPE order_status ADD VALUE 'archived' AFTER 'closed'\`.execute(db);
  await db.updateTable('orders').set({ status: 'archived' }).where('id', '=', 1).execute();`),
      errors: [{ messageId: 'useBeforeCommit', line: 5, column: 9 }],
    },
    {
      code: nodePgMigrateMigration(`  pgm.sql("ALTER TYPE order_status ADD VALUE 'archived' AFTER 'closed'");
  pgm.sql("UPDATE orders SET status = 'archived' WHERE id = 1");`, ''),
      errors: [{ messageId: 'useBeforeCommit', line: 7, column: 12 }],
    },
    {
      code: typeormMigration(`        await queryRunner.query(\`ALTER TYPE "public"."order_status_enum" ADD VALUE 'archived' AFTER 'closed'\`);
        await queryRunner.query(\`UPDATE "order" SET "status" = 'archived' WHERE "id" = 1\`);`),
      errors: [{ messageId: 'useBeforeCommit', line: 7, column: 34, data: { value: 'archived', type: 'order_status_enum', line: '6' } }],
    },
    {
      // The migration's own transaction, passed to each call.
      code: sequelizeMigration(`    await queryInterface.sequelize.transaction(async (transaction) => {
      await queryInterface.sequelize.query("ALTER TYPE enum_orders_status ADD VALUE 'archived' AFTER 'closed'", { transaction });
      await queryInterface.bulkUpdate('orders', { status: 'archived' }, { id: 1 }, { transaction });
    });`),
      errors: [{ messageId: 'useBeforeCommit', line: 8, column: 13, data: { value: 'archived', type: 'enum_orders_status', line: '7' } }],
    },
    {
      code: mikroOrmMigration(`    this.addSql(\`alter type "order_status" add value 'archived' after 'closed';\`);
    this.addSql(\`update "order" set "status" = 'archived' where "id" = 1;\`);`),
      errors: [{ messageId: 'useBeforeCommit', line: 7, column: 18 }],
    },
    {
      code: payloadMigration(`  await db.execute(sql\`ALTER TYPE "public"."enum_orders_status" ADD VALUE 'archived' AFTER 'closed';\`);
  await db.execute(sql\`UPDATE "orders" SET "status" = 'archived' WHERE "id" = 1;\`);`),
      errors: [{ messageId: 'useBeforeCommit', line: 5, column: 24, data: { value: 'archived', type: 'enum_orders_status', line: '4' } }],
    },
  ],
});

ruleTester({ postgresVersion: 11 }).run('no-new-enum-value-in-same-transaction (PostgreSQL 11)', rule, {
  valid: [knexMigration(addValue, noTransaction)],
  invalid: [
    {
      code: knexMigration(addValue),
      errors: [
        {
          messageId: 'addInTransaction',
          line: 4,
          column: 19,
          data: {
            version: '11',
            reason: 'Knex runs every migration inside a transaction (a whole batch in one when none opts out)',
            optOut: 'export `const config = { transaction: false }` from the migration',
          },
        },
      ],
    },
    {
      code: knexMigration(`  await knex.raw("BEGIN; ALTER TYPE order_status ADD VALUE 'archived'; COMMIT");`, noTransaction),
      errors: [
        {
          messageId: 'addInTransaction',
          line: 4,
          column: 26,
          data: { version: '11', reason: 'an explicit BEGIN earlier in this migration opened one', optOut: 'move it out of the BEGIN … COMMIT block' },
        },
      ],
    },
    {
      code: kyselyMigration("  await sql`ALTER TYPE order_status ADD VALUE 'archived'`.execute(db);"),
      errors: [{ messageId: 'addInTransaction', line: 4, column: 13 }],
    },
  ],
});

describe('no-new-enum-value-in-same-transaction in .sql files', () => {
  const ruleId = 'live-upgrade/no-new-enum-value-in-same-transaction';
  const reports = (code: string, filename: string, settings = {}) =>
    lintSql(code, filename, settings)
      .filter((message) => message.ruleId === ruleId)
      .map(({ messageId, line, column }) => ({ messageId, line, column }));

  it('reports a use in the transaction node-pg-migrate runs the file in', () => {
    const code = `-- Up Migration
ALTER TYPE order_status ADD VALUE 'archived';
INSERT INTO order_statuses (name) VALUES ('archived');

-- Down Migration
`;
    expect(reports(code, 'migrations/1700000000000_archive.sql')).toEqual([{ messageId: 'useBeforeCommit', line: 3, column: 1 }]);
  });

  it('reports a use inside an explicit BEGIN … COMMIT of a plain file, and not after the COMMIT', () => {
    const code = `BEGIN;
ALTER TYPE order_status ADD VALUE 'archived';
UPDATE orders SET status = 'archived' WHERE id = 1;
COMMIT;
UPDATE orders SET status = 'archived' WHERE id = 2;
`;
    expect(reports(code, 'migrations/0002_archive.sql')).toEqual([{ messageId: 'useBeforeCommit', line: 3, column: 1 }]);
  });

  it('reports ADD VALUE in the transaction of a graphile-migrate file before PostgreSQL 12', () => {
    const code = "ALTER TYPE order_status ADD VALUE 'archived';\n";
    expect(reports(code, 'migrations/current.sql', { postgresVersion: 11 })).toEqual([{ messageId: 'addInTransaction', line: 1, column: 1 }]);
    expect(reports(`--! no-transaction\n${code}`, 'migrations/current.sql', { postgresVersion: 11 })).toEqual([]);
  });
});
