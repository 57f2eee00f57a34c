import { describe, expect, it } from 'vitest';
import rule from '../../src/rules/require-not-valid-check.ts';
import { knexMigration, kyselyMigration, mikroOrmMigration, nodePgMigrateMigration, payloadMigration, ruleTester, sequelizeMigration, typeormMigration } from '../fixtures.ts';
import { lintSql, reports } from '../languages/lint-sql.ts';

ruleTester().run('require-not-valid-check', rule, {
  valid: [
    knexMigration("  await knex.raw('ALTER TABLE users ADD CONSTRAINT users_age_positive CHECK (age > 0) NOT VALID');"),
    kyselyMigration('  await sql`ALTER TABLE users ADD CONSTRAINT users_age_positive CHECK (age > 0) NOT VALID`.execute(db);'),
    // A table created in the same migration is empty: checking it costs nothing.
    knexMigration(`  await knex.schema.createTable('scores', (table) => {
    table.integer('points').checkPositive();
  });
  await knex.schema.alterTable('scores', (table) => {
    table.check('?? >= 0', ['points'], 'scores_points_check');
  });`),
    kyselyMigration(`  await sql\`CREATE TABLE scores (points int)\`.execute(db);
  await sql\`ALTER TABLE scores ADD CONSTRAINT scores_points_check CHECK (points >= 0)\`.execute(db);`),
    knexMigration('', { down: "  await knex.raw('ALTER TABLE users ADD CHECK (age > 0)');" }),
  ],
  invalid: [
    {
      code: knexMigration(`  await knex.schema.alterTable('users', (table) => {
    table.check('?? > 0', ['age'], 'users_age_positive');
    table.integer('score').checkPositive();
  });`),
      errors: [
        { messageId: 'addCheck', line: 5, column: 5, endColumn: 57, data: { constraint: 'users_age_positive', table: 'users' }, suggestions: [] },
        { messageId: 'inlineCheck', line: 6, column: 5, endColumn: 27, data: { column: 'score', table: 'users' } },
      ],
    },
    {
      code: knexMigration(`  await knex.raw('ALTER TABLE users ADD CONSTRAINT users_age_positive CHECK (age > 0)');
  await knex.raw('ALTER TABLE users ADD COLUMN rank int CHECK (rank > 0)');`),
      errors: [
        {
          messageId: 'addCheck',
          line: 4,
          column: 19,
          endColumn: 86,
          data: { constraint: 'users_age_positive', table: 'users' },
          suggestions: [
            {
              messageId: 'addNotValid',
              output: knexMigration(`  await knex.raw('ALTER TABLE users ADD CONSTRAINT users_age_positive CHECK (age > 0) NOT VALID');
  await knex.raw('ALTER TABLE users ADD COLUMN rank int CHECK (rank > 0)');`),
            },
          ],
        },
        { messageId: 'inlineCheck', line: 5, column: 19, endColumn: 73, data: { column: 'rank', table: 'users' } },
      ],
    },
    {
      code: kyselyMigration(`  await db.schema.alterTable('users').addCheckConstraint('users_age_positive', sql\`age > 0\`).execute();
  await db.schema.alterTable('users').addColumn('rank', 'integer', (col) => col.check(sql\`rank > 0\`)).execute();`),
      errors: [
        { messageId: 'addCheck', line: 4, column: 39, endColumn: 93, data: { constraint: 'users_age_positive', table: 'users' }, suggestions: [] },
        { messageId: 'inlineCheck', line: 5, column: 39, endColumn: 102, data: { column: 'rank', table: 'users' } },
      ],
    },
    {
      code: kyselyMigration(`  await sql\`
    SET lock_timeout = '2s';
    ALTER TABLE users ADD CHECK (age > 0);
  \`.execute(db);`),
      errors: [
        {
          messageId: 'addCheck',
          line: 6,
          column: 5,
          endColumn: 42,
          data: { constraint: '(unnamed)', table: 'users' },
          suggestions: [
            {
              messageId: 'addNotValid',
              output: kyselyMigration(`  await sql\`
    SET lock_timeout = '2s';
    ALTER TABLE users ADD CHECK (age > 0) NOT VALID;
  \`.execute(db);`),
            },
          ],
        },
      ],
    },
    {
      code: knexMigration('', { down: "  await knex.raw('ALTER TABLE users ADD CHECK (age > 0)');" }),
      options: [{ checkDown: true }],
      errors: [
        {
          messageId: 'addCheck',
          line: 8,
          column: 19,
          suggestions: [{ messageId: 'addNotValid', output: knexMigration('', { down: "  await knex.raw('ALTER TABLE users ADD CHECK (age > 0) NOT VALID');" }) }],
        },
      ],
    },
  ],
});

ruleTester().run('require-not-valid-check (Sequelize, MikroORM, Payload)', rule, {
  valid: [
    {
      code: sequelizeMigration("    await queryInterface.sequelize.query('ALTER TABLE orders ADD CONSTRAINT orders_total_non_negative CHECK (total >= 0) NOT VALID');"),
      filename: 'migrations/20240101000000-change.js',
    },
  ],
  invalid: [
    {
      code: sequelizeMigration("    await queryInterface.addConstraint('orders', { type: 'check', fields: ['total'], name: 'orders_total_non_negative', where: { total: { [Sequelize.Op.gte]: 0 } } });"),
      filename: 'migrations/20240101000000-change.js',
      errors: [{ messageId: 'addCheck', line: 6, column: 11, endColumn: 167, data: { constraint: 'orders_total_non_negative', table: 'orders' }, suggestions: [] }],
    },
    {
      code: mikroOrmMigration('    this.addSql(`alter table "order" add constraint "order_total_check" check ("total" >= 0);`);'),
      errors: [
        {
          messageId: 'addCheck',
          line: 6,
          column: 18,
          endColumn: 93,
          data: { constraint: 'order_total_check', table: 'order' },
          suggestions: [
            { messageId: 'addNotValid', output: mikroOrmMigration('    this.addSql(`alter table "order" add constraint "order_total_check" check ("total" >= 0) NOT VALID;`);') },
          ],
        },
      ],
    },
    {
      code: payloadMigration('  await db.execute(sql`ALTER TABLE "orders" ADD CONSTRAINT "orders_total_check" CHECK ("total" >= 0);`)'),
      filename: 'src/migrations/20240101_000000_change.ts',
      errors: [
        {
          messageId: 'addCheck',
          line: 4,
          column: 24,
          endColumn: 101,
          suggestions: [
            {
              messageId: 'addNotValid',
              output: payloadMigration('  await db.execute(sql`ALTER TABLE "orders" ADD CONSTRAINT "orders_total_check" CHECK ("total" >= 0) NOT VALID;`)'),
            },
          ],
        },
      ],
    },
  ],
});

describe('require-not-valid-check in .sql files', () => {
  it('reports the ADD CHECK statement', () => {
    const code = 'ALTER TABLE orders ADD CONSTRAINT orders_total_non_negative CHECK (total >= 0);\n';
    expect(reports(lintSql(code, 'migrations/0042_orders_total_check.sql'), ['require-not-valid-check'])).toEqual([
      { ruleId: 'live-upgrade/require-not-valid-check', line: 1, column: 1, endLine: 1, endColumn: 79 },
    ]);
  });
});

ruleTester().run('require-not-valid-check (node-pg-migrate, TypeORM)', rule, {
  valid: [nodePgMigrateMigration("  pgm.addConstraint('orders', 'orders_total_non_negative', 'CHECK (total >= 0) NOT VALID');")],
  invalid: [
    {
      code: nodePgMigrateMigration("  pgm.addConstraint('orders', 'orders_total_non_negative', { check: 'total >= 0' });"),
      errors: [{ messageId: 'addCheck', line: 6, column: 3, endColumn: 84, data: { constraint: 'orders_total_non_negative', table: 'orders' }, suggestions: [] }],
    },
    {
      code: typeormMigration("        await queryRunner.createCheckConstraint('order', new TableCheck({ name: 'CHK_order_total', expression: '\"total\" >= 0' }));"),
      errors: [{ messageId: 'addCheck', line: 6, column: 15, endColumn: 130, data: { constraint: 'CHK_order_total', table: 'order' }, suggestions: [] }],
    },
  ],
});
