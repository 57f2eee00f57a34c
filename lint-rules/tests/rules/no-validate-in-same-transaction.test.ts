import { describe, expect, it } from 'vitest';
import rule from '../../src/rules/no-validate-in-same-transaction.ts';
import { knexMigration, kyselyMigration, mikroOrmMigration, nodePgMigrateMigration, payloadMigration, ruleTester, sequelizeMigration, typeormMigration } from '../fixtures.ts';
import { lintSql, reports } from '../languages/lint-sql.ts';

const outsideTransaction = { config: 'export const config = { transaction: false };' };
const addCheck = "ALTER TABLE users ADD CONSTRAINT users_email_present CHECK (email IS NOT NULL) NOT VALID";
const validateCheck = 'ALTER TABLE users VALIDATE CONSTRAINT users_email_present';

ruleTester().run('no-validate-in-same-transaction', rule, {
  valid: [
    // Validating a constraint that an earlier migration added.
    knexMigration(`  await knex.raw("SET LOCAL lock_timeout = '2s'");
  await knex.raw('${validateCheck}');`),
    // Another table's lock does not hold this one.
    knexMigration(`  await knex.schema.alterTable('orders', (table) => table.text('note'));
  await knex.raw('${validateCheck}');`),
    // Outside a transaction every statement commits on its own.
    knexMigration(`  await knex.raw('${addCheck}');
  await knex.raw('${validateCheck}');`, outsideTransaction),
    // An explicit transaction that commits before the validation.
    knexMigration(`  await knex.raw('BEGIN');
  await knex.raw('${addCheck}');
  await knex.raw('COMMIT');
  await knex.raw('${validateCheck}');`, outsideTransaction),
    // A table created in the same migration has no rows to scan.
    kyselyMigration(`  await sql\`
    CREATE TABLE scores (points int);
    ALTER TABLE scores ADD CONSTRAINT scores_points_check CHECK (points >= 0) NOT VALID;
    ALTER TABLE scores VALIDATE CONSTRAINT scores_points_check;
  \`.execute(db);`),
    knexMigration('', { down: `  await knex.raw('${addCheck}');\n  await knex.raw('${validateCheck}');` }),
  ],
  invalid: [
    {
      // Knex wraps the migration in a transaction: the ACCESS EXCLUSIVE lock of the ADD lasts through the scan.
      code: knexMigration(`  await knex.raw('${addCheck}');
  await knex.raw('${validateCheck}');`),
      errors: [{ messageId: 'sameTransactionAsAdd', line: 5, column: 19, endColumn: 76 }],
    },
    {
      code: knexMigration(`  await knex.raw('BEGIN');
  await knex.raw('ALTER TABLE posts ADD CONSTRAINT posts_author_id_fk FOREIGN KEY (author_id) REFERENCES users (id) NOT VALID');
  await knex.raw('ALTER TABLE posts VALIDATE CONSTRAINT posts_author_id_fk');
  await knex.raw('COMMIT');`, outsideTransaction),
      errors: [
        {
          messageId: 'sameTransactionAsAdd',
          line: 6,
          column: 19,
          endColumn: 75,
          data: {
            constraint: 'posts_author_id_fk',
            table: 'posts',
            line: 5,
            reason: 'an explicit BEGIN earlier in this migration opened one',
            lock: 'SHARE ROW EXCLUSIVE',
            blocked: 'every write (INSERT, UPDATE, DELETE)',
          },
        },
      ],
    },
    {
      // Any earlier statement holding a write-blocking lock on the table keeps it through the scan.
      code: knexMigration(`  await knex.schema.alterTable('users', (table) => table.integer('age'));
  await knex.raw('BEGIN; CREATE INDEX users_age_idx ON users (age); ${validateCheck}; COMMIT');`, outsideTransaction),
      errors: [
        {
          messageId: 'afterLock',
          line: 5,
          column: 69,
          endColumn: 126,
          data: {
            constraint: 'users_email_present',
            table: 'users',
            line: 5,
            reason: 'an explicit BEGIN earlier in this migration opened one',
            lock: 'SHARE',
            blocked: 'every write (INSERT, UPDATE, DELETE)',
          },
        },
      ],
    },
    {
      // The strongest lock held is named.
      code: knexMigration(`  await knex.schema.alterTable('users', (table) => table.integer('age'));
  await knex.raw('CREATE INDEX users_age_idx ON users (age)');
  await knex.raw('${validateCheck}');`),
      errors: [{ messageId: 'afterLock', line: 6, column: 19, endColumn: 76 }],
    },
    {
      // Kysely's Migrator runs the migration in a transaction.
      code: kyselyMigration(`  await sql\`${addCheck}\`.execute(db);
  await sql\`${validateCheck}\`.execute(db);
  await db.schema.alterTable('users').alterColumn('email', (col) => col.setNotNull()).execute();`),
      errors: [{ messageId: 'sameTransactionAsAdd', line: 5, column: 13, endColumn: 70 }],
    },
    {
      code: knexMigration('', { down: `  await knex.raw('${addCheck}');\n  await knex.raw('${validateCheck}');` }),
      options: [{ checkDown: true }],
      errors: [{ messageId: 'sameTransactionAsAdd', line: 9, column: 19 }],
    },
  ],
});

ruleTester({ kysely: { disableTransactions: true } }).run('no-validate-in-same-transaction (Kysely without transactions)', rule, {
  valid: [
    kyselyMigration(`  await sql\`${addCheck}\`.execute(db);
  await sql\`${validateCheck}\`.execute(db);`),
  ],
  invalid: [
    {
      code: kyselyMigration(`  await sql\`BEGIN\`.execute(db);
  await sql\`${addCheck}\`.execute(db);
  await sql\`${validateCheck}\`.execute(db);
  await sql\`COMMIT\`.execute(db);`),
      errors: [{ messageId: 'sameTransactionAsAdd', line: 6, column: 13 }],
    },
  ],
});

const addOrdersCheck = "ALTER TABLE orders ADD CONSTRAINT orders_total_non_negative CHECK (total >= 0) NOT VALID";
const validateOrdersCheck = 'ALTER TABLE orders VALIDATE CONSTRAINT orders_total_non_negative';

ruleTester().run('no-validate-in-same-transaction (Sequelize, MikroORM, Payload)', rule, {
  valid: [
    // Sequelize runs each query on its own unless the migration passes it a transaction.
    {
      code: sequelizeMigration(`    await queryInterface.sequelize.query('${addOrdersCheck}');
    await queryInterface.sequelize.query('${validateOrdersCheck}');`),
      filename: 'migrations/20240101000000-change.js',
    },
  ],
  invalid: [
    {
      code: sequelizeMigration(`    await queryInterface.sequelize.transaction(async (transaction) => {
      await queryInterface.sequelize.query('${addOrdersCheck}', { transaction });
      await queryInterface.sequelize.query('${validateOrdersCheck}', { transaction });
    });`),
      filename: 'migrations/20240101000000-change.js',
      errors: [
        {
          messageId: 'sameTransactionAsAdd',
          line: 8,
          column: 45,
          endColumn: 109,
          data: {
            constraint: 'orders_total_non_negative',
            table: 'orders',
            line: 7,
            reason: 'this call runs in a transaction the migration opened',
            lock: 'ACCESS EXCLUSIVE',
            blocked: 'every read and write',
          },
        },
      ],
    },
    {
      code: mikroOrmMigration(`    this.addSql(\`${addOrdersCheck};\`);
    this.addSql(\`${validateOrdersCheck};\`);`),
      errors: [{ messageId: 'sameTransactionAsAdd', line: 7, column: 18, endColumn: 82 }],
    },
    {
      code: payloadMigration(`  await db.execute(sql\`
    ${addOrdersCheck};
    ${validateOrdersCheck};
  \`)`),
      filename: 'src/migrations/20240101_000000_change.ts',
      errors: [{ messageId: 'sameTransactionAsAdd', line: 6, column: 5, endColumn: 69 }],
    },
  ],
});

describe('no-validate-in-same-transaction in .sql files', () => {
  const code = `${addOrdersCheck};\n${validateOrdersCheck};\n`;
  const lint = (text: string, filename: string, settings = {}) =>
    reports(lintSql(text, filename, settings), ['no-validate-in-same-transaction']);
  const at = (line: number) => [{ ruleId: 'live-upgrade/no-validate-in-same-transaction', line, column: 1, endLine: line, endColumn: 65 }];

  it('reports a VALIDATE that the tool runs in the same transaction as the ADD', () => {
    // node-pg-migrate wraps each SQL migration in a transaction.
    expect(lint(`-- Up Migration\n${code}`, 'migrations/1700000000000_orders-total.sql')).toEqual(at(3));
    // Several statements in one query are one implicit transaction, `--! no-transaction` or not.
    expect(lint(`--! no-transaction\n${code}`, 'migrations/current.sql')).toEqual(at(3));
    expect(lint(code, 'prisma/migrations/20240101000000_orders_total/migration.sql')).toEqual(at(2));
  });

  it('accepts the statements when each runs on its own, or when the tool is not known', () => {
    expect(lint(code, 'prisma/migrations/20240101000000_orders_total/migration.sql', { prisma: { engine: 'split' } })).toEqual([]);
    expect(lint(code, 'migrations/0042_orders_total.sql')).toEqual([]);
  });
});

ruleTester().run('no-validate-in-same-transaction (node-pg-migrate, TypeORM)', rule, {
  valid: [
    nodePgMigrateMigration("  pgm.noTransaction();\n  pgm.addConstraint('orders', 'orders_total_non_negative', 'CHECK (total >= 0) NOT VALID');\n  pgm.sql('ALTER TABLE orders VALIDATE CONSTRAINT orders_total_non_negative');"),
    {
      code: typeormMigration('        await queryRunner.query(`ALTER TABLE "order" VALIDATE CONSTRAINT "CHK_order_total"`);'),
      settings: { 'live-upgrade': { typeorm: { migrationsTransactionMode: 'each' } } },
    },
  ],
  invalid: [
    {
      code: nodePgMigrateMigration("  pgm.addConstraint('orders', 'orders_total_non_negative', 'CHECK (total >= 0) NOT VALID');\n  pgm.sql('ALTER TABLE orders VALIDATE CONSTRAINT orders_total_non_negative');"),
      errors: [{ messageId: 'sameTransactionAsAdd', line: 7, column: 12, endColumn: 76 }],
    },
    {
      // TypeORM's default migrationsTransactionMode 'all' runs every pending migration in one transaction.
      code: typeormMigration(
        '        await queryRunner.query(`ALTER TABLE "order" ADD CONSTRAINT "CHK_order_total" CHECK ("total" >= 0) NOT VALID`);\n        await queryRunner.query(`ALTER TABLE "order" VALIDATE CONSTRAINT "CHK_order_total"`);',
      ),
      errors: [{ messageId: 'sameTransactionAsAdd', line: 7, column: 34, endColumn: 91 }],
    },
  ],
});
