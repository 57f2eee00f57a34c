import { describe, expect, it } from 'vitest';
import rule from '../../src/rules/require-enum-value-position.ts';
import { knexMigration, kyselyMigration, mikroOrmMigration, ruleTester, typeormMigration } from '../fixtures.ts';
import { lintSql } from '../languages/lint-sql.ts';

ruleTester().run('require-enum-value-position', rule, {
  valid: [
    knexMigration(`  await knex.raw("ALTER TYPE order_status ADD VALUE 'archived' AFTER 'closed'");`, { config: 'export const config = { transaction: false };' }),
    kyselyMigration("  await sql`ALTER TYPE order_status ADD VALUE IF NOT EXISTS 'draft' BEFORE 'open'`.execute(db);"),
    // `down` is not checked by default.
    knexMigration('', { down: `  await knex.raw("ALTER TYPE order_status ADD VALUE 'archived'");` }),
  ],
  invalid: [
    {
      code: knexMigration(`  await knex.raw("ALTER TYPE order_status ADD VALUE 'archived'");`, { config: 'export const config = { transaction: false };' }),
      errors: [{ messageId: 'unpositioned', line: 4, column: 19, data: { value: 'archived', type: 'order_status' } }],
    },
    {
      code: kyselyMigration(`  await sql\`ALTER TYPE "billing"."plan" ADD VALUE IF NOT EXISTS 'enterprise'\`.execute(db);
  await sql\`ALTER TYPE billing.plan ADD VALUE 'trial' BEFORE 'basic'\`.execute(db);`),
      errors: [{ messageId: 'unpositioned', line: 4, column: 13, data: { value: 'enterprise', type: 'billing.plan' } }],
    },
    {
      code: knexMigration('', { down: `  await knex.raw("ALTER TYPE order_status ADD VALUE 'archived'");` }),
      options: [{ checkDown: true }],
      errors: [{ messageId: 'unpositioned', line: 8, column: 19 }],
    },
    {
      code: typeormMigration('        await queryRunner.query(`ALTER TYPE "public"."order_status_enum" ADD VALUE \'archived\'`);'),
      errors: [{ messageId: 'unpositioned', line: 6, column: 34, data: { value: 'archived', type: 'order_status_enum' } }],
    },
    {
      code: mikroOrmMigration("    this.addSql(`alter type \"order_status\" add value if not exists 'archived';`);"),
      errors: [{ messageId: 'unpositioned', line: 6, column: 18, data: { value: 'archived', type: 'order_status' } }],
    },
  ],
});

describe('require-enum-value-position in .sql files', () => {
  it('reports the statement in a Prisma migration.sql', () => {
    const code = `-- AlterEnum
ALTER TYPE "Role" ADD VALUE 'AUDITOR';
`;
    const reports = lintSql(code, 'prisma/migrations/20240101000000_auditor/migration.sql')
      .filter((message) => message.ruleId === 'live-upgrade/require-enum-value-position')
      .map(({ messageId, line, column }) => ({ messageId, line, column }));
    expect(reports).toEqual([{ messageId: 'unpositioned', line: 2, column: 1 }]);
  });
});
