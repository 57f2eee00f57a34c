import { describe, expect, it } from 'vitest';
import rule from '../../src/rules/require-down.ts';
import { knexMigration, kyselyMigration, mikroOrmMigration, nodePgMigrateMigration, payloadMigration, ruleTester, sequelizeMigration, typeormMigration } from '../fixtures.ts';
import { lintSql } from '../languages/lint-sql.ts';

const addNickname = "  await knex.raw('ALTER TABLE users ADD COLUMN nickname text');";
const dropNickname = "  await knex.raw('ALTER TABLE users DROP COLUMN nickname');";
const upOnly = `import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('users').addColumn('nickname', 'text').execute();
}
`;

/** A node-pg-migrate migration with `up` only. */
const pgmUpOnly = (body: string) => nodePgMigrateMigration(body).replace(/\nexport async function down[\s\S]*$/, '');

ruleTester().run('require-down', rule, {
  valid: [
    knexMigration(addNickname, { down: dropNickname }),
    // A comment says why there is nothing to undo.
    knexMigration("  await knex.raw(\"ALTER TYPE order_status ADD VALUE 'archived' AFTER 'closed'\");", {
      down: '  // Postgres cannot drop an enum value; an unused one is harmless.',
    }),
    // node-pg-migrate rolls back by reversing the calls of `up` when there is no `down`.
    pgmUpOnly("  pgm.addColumns('users', { nickname: { type: 'text' } });"),
    // Not a migration: no tool recognises it.
    'export const answer = 42;',
  ],
  invalid: [
    {
      code: upOnly,
      errors: [{ messageId: 'missingDown', line: 3, column: 23, endLine: 3, endColumn: 25 }],
    },
    {
      code: knexMigration(addNickname),
      errors: [{ messageId: 'emptyDown', line: 7, column: 23 }],
    },
    {
      code: `import type { Knex } from 'knex';

export const up = (knex: Knex) => knex.raw('ALTER TABLE users ADD COLUMN nickname text');
export const down = async (knex: Knex) => {};
`,
      errors: [{ messageId: 'emptyDown', line: 4, column: 14, endLine: 4, endColumn: 18 }],
    },
    {
      code: sequelizeMigration("    await queryInterface.addColumn('users', 'nickname', { type: Sequelize.TEXT });"),
      errors: [{ messageId: 'emptyDown', line: 9, column: 9, endColumn: 13 }],
    },
    {
      // MikroORM's base class throws when a migration without down is rolled back.
      code: `import { Migration } from '@mikro-orm/migrations';

export class Migration20240101000000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(\`alter table "user" add column "nickname" varchar(255) null;\`);
  }
}
`,
      errors: [{ messageId: 'missingDown', line: 4, column: 18, endColumn: 20 }],
    },
    {
      // `down = false` is node-pg-migrate's way to refuse a rollback.
      code: `${pgmUpOnly("  pgm.sql('UPDATE users SET plan = 1 WHERE id < 1000');")}\nexport const down = false;\n`,
      errors: [{ messageId: 'missingDown', line: 5, column: 23 }],
    },
    {
      code: typeormMigration('        await queryRunner.query(`ALTER TABLE "user" ADD "nickname" character varying`);'),
      errors: [{ messageId: 'emptyDown', line: 9, column: 18, endColumn: 22 }],
    },
    {
      code: payloadMigration('  await db.execute(sql`ALTER TABLE "pages" ADD COLUMN "slug" varchar;`);'),
      errors: [{ messageId: 'emptyDown', line: 7, column: 23 }],
    },
  ],
});

ruleTester().run('require-down (forbid: roll forward only)', rule, {
  valid: [
    { code: upOnly, options: [{ forbid: true }] },
    { code: knexMigration(addNickname), options: [{ forbid: true }] },
    { code: mikroOrmMigration('    this.addSql(`alter table "user" add column "nickname" varchar(255) null;`);', { down: '    // rolled forward only' }), options: [{ forbid: true }] },
  ],
  invalid: [
    {
      code: kyselyMigration("  await db.schema.alterTable('users').addColumn('nickname', 'text').execute();", "  await db.schema.alterTable('users').dropColumn('nickname').execute();"),
      options: [{ forbid: true }],
      errors: [{ messageId: 'downForbidden', line: 7, column: 23 }],
    },
  ],
});

describe('require-down in .sql files', () => {
  const reports = (code: string, filename: string, options: unknown[] = []) =>
    lintSql(code, filename, {}, options.length ? { 'live-upgrade/require-down': ['error', ...options] } : {})
      .filter((message) => message.ruleId === 'live-upgrade/require-down')
      .map(({ messageId, line, column, endColumn }) => ({ messageId, line, column, endColumn }));
  const filename = 'migrations/1700000000000_add-users-nickname.sql';

  it('reports a node-pg-migrate file without -- Down Migration at its Up marker', () => {
    expect(reports('\n-- Up Migration\nALTER TABLE users ADD COLUMN nickname text;\n', filename)).toEqual([
      { messageId: 'missingDown', line: 2, column: 1, endColumn: 16 },
    ]);
  });

  it('reports an empty down section, and accepts one a comment explains', () => {
    const up = '-- Up Migration\nALTER TABLE users ADD COLUMN nickname text;\n\n-- Down Migration\n';
    expect(reports(up, filename)).toEqual([{ messageId: 'emptyDown', line: 4, column: 1, endColumn: 18 }]);
    expect(reports(`${up}-- the column is dropped by a later contract migration\n`, filename)).toEqual([]);
    expect(reports(`${up}ALTER TABLE users DROP COLUMN nickname;\n`, filename)).toEqual([]);
  });

  it('reports a written down section with forbid', () => {
    const code = '-- Up Migration\nALTER TABLE users ADD COLUMN nickname text;\n\n-- Down Migration\nALTER TABLE users DROP COLUMN nickname;\n';
    expect(reports(code, filename, [{ forbid: true }])).toEqual([{ messageId: 'downForbidden', line: 4, column: 1, endColumn: 18 }]);
  });

  it('does not apply to tools whose SQL files have no down', () => {
    const reports = lintSql('ALTER TABLE "User" ADD COLUMN "nickname" TEXT;\n', 'prisma/migrations/20240101000000_nickname/migration.sql')
      .filter((message) => message.ruleId === 'live-upgrade/require-down');
    expect(reports).toEqual([]);
  });
});
