import { describe, expect, it } from 'vitest';
import rule from '../../src/rules/require-statement-timeout.ts';
import { knexMigration, kyselyMigration, mikroOrmMigration, nodePgMigrateMigration, payloadMigration, ruleTester, sequelizeMigration, typeormMigration } from '../fixtures.ts';
import { lintSql } from '../languages/lint-sql.ts';

ruleTester().run('require-statement-timeout', rule, {
  valid: [
    knexMigration(`  await knex.raw("SET LOCAL statement_timeout = '15min'");
  await knex.raw('CREATE INDEX users_email_idx ON users (email)');`),
    knexMigration("  await knex.raw('CREATE INDEX CONCURRENTLY users_email_idx ON users (email)');", { config: 'export const config = { transaction: false };' }),
    kyselyMigration(`  await sql\`ALTER TABLE orders ADD CONSTRAINT orders_user_fk FOREIGN KEY (user_id) REFERENCES users (id) NOT VALID\`.execute(db);
  await sql\`ALTER TABLE users ADD COLUMN active boolean NOT NULL DEFAULT true\`.execute(db);`),
    knexMigration(`  await knex.schema.createTable('audit', (table) => table.bigIncrements('id'));
  await knex.raw('CREATE INDEX audit_id_idx ON audit (id)');`),
  ],
  invalid: [
    {
      code: knexMigration("  await knex.raw('CREATE INDEX users_email_idx ON users (email)');"),
      errors: [{ messageId: 'missingStatementTimeout', line: 4, column: 19, data: { work: 'builds an index by reading every row of', table: 'users' } }],
    },
    {
      // statement_timeout = 0 turns the timeout off.
      code: kyselyMigration(`  await sql\`SET statement_timeout = 0\`.execute(db);
  await sql\`ALTER TABLE orders VALIDATE CONSTRAINT orders_user_fk\`.execute(db);
  await db.schema.alterTable('orders').alterColumn('total', (col) => col.setDataType('numeric(12, 2)')).execute();`),
      errors: [
        { messageId: 'missingStatementTimeout', line: 5, column: 13, data: { work: 'checks the constraint against every row of', table: 'orders' } },
        { messageId: 'missingStatementTimeout', line: 6, column: 40, data: { work: 'changes a column type, which may rewrite every row and rebuild the indexes of', table: 'orders' } },
      ],
    },
    {
      code: knexMigration(`  await knex.schema.alterTable('users', (table) => {
    table.unique(['email'], { indexName: 'users_email_unique' });
  });`),
      errors: [{ messageId: 'missingStatementTimeout', line: 5, column: 5, data: { work: 'builds the index of a constraint by reading every row of', table: 'users' } }],
    },
    {
      code: kyselyMigration("  await sql`ALTER TABLE users ADD COLUMN id2 uuid DEFAULT gen_random_uuid()`.execute(db);"),
      errors: [{ messageId: 'missingStatementTimeout', line: 4, column: 13, data: { work: 'adds a column that is written into every row of', table: 'users' } }],
    },
    {
      code: nodePgMigrateMigration("  pgm.createIndex('users', 'email');", ''),
      errors: [{ messageId: 'missingStatementTimeout', line: 6, column: 3, data: { work: 'builds an index by reading every row of', table: 'users' } }],
    },
    {
      code: typeormMigration('        await queryRunner.query(`ALTER TABLE "order" ADD CONSTRAINT "FK_order_user" FOREIGN KEY ("userId") REFERENCES "user"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`);'),
      errors: [{ messageId: 'missingStatementTimeout', line: 6, column: 34, data: { work: 'checks the new constraint against every row of', table: 'order' } }],
    },
    {
      code: sequelizeMigration("    await queryInterface.addIndex('users', ['email'], { name: 'users_email', unique: true });"),
      errors: [{ messageId: 'missingStatementTimeout', line: 6, column: 11, data: { work: 'builds an index by reading every row of', table: 'users' } }],
    },
    {
      code: mikroOrmMigration("    this.addSql(`alter table \"order\" alter column \"total\" type numeric(12,2) using (\"total\"::numeric(12,2));`);"),
      errors: [{ messageId: 'missingStatementTimeout', line: 6, column: 18 }],
    },
    {
      code: payloadMigration('  await db.execute(sql`ALTER TABLE "orders" VALIDATE CONSTRAINT "orders_user_fk";`);'),
      errors: [{ messageId: 'missingStatementTimeout', line: 4, column: 24 }],
    },
  ],
});

ruleTester({ postgresVersion: 10 }).run('require-statement-timeout (PostgreSQL 10)', rule, {
  valid: [],
  invalid: [
    {
      code: knexMigration("  await knex.raw('ALTER TABLE users ADD COLUMN active boolean DEFAULT true');"),
      errors: [{ messageId: 'missingStatementTimeout', line: 4, column: 19 }],
    },
  ],
});

ruleTester({ statementTimeout: 'connection' }).run('require-statement-timeout (set on the connection)', rule, {
  valid: [knexMigration("  await knex.raw('CREATE INDEX users_email_idx ON users (email)');")],
  invalid: [],
});

describe('require-statement-timeout in .sql files', () => {
  it('reports a unique constraint that builds its index in a Drizzle file', () => {
    const code = 'ALTER TABLE "users" ADD CONSTRAINT "users_email_unique" UNIQUE("email");\n';
    const reports = lintSql(code, 'drizzle/0005_users_email.sql')
      .filter((message) => message.ruleId === 'live-upgrade/require-statement-timeout')
      .map(({ messageId, line, column }) => ({ messageId, line, column }));
    expect(reports).toEqual([{ messageId: 'missingStatementTimeout', line: 1, column: 1 }]);
  });
});
