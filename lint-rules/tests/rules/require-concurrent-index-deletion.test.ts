import { describe, expect, it } from 'vitest';
import rule from '../../src/rules/require-concurrent-index-deletion.ts';
import { knexMigration, kyselyMigration, mikroOrmMigration, nodePgMigrateMigration, payloadMigration, ruleTester, sequelizeMigration, typeormMigration } from '../fixtures.ts';
import { lintSql, reports } from '../languages/lint-sql.ts';

const blocked = 'every read and write';

ruleTester().run('require-concurrent-index-deletion', rule, {
  valid: [
    knexMigration("  await knex.raw('DROP INDEX CONCURRENTLY IF EXISTS users_email_idx');", {
      config: 'export const config = { transaction: false };',
    }),
    kyselyMigration('  await sql`DROP INDEX CONCURRENTLY users_email_idx`.execute(db);'),
    // Indexes of a table created in the same migration have no readers yet.
    knexMigration(`  await knex.schema.createTable('audit', (table) => {
    table.bigIncrements('id');
    table.index(['id'], 'audit_id_idx');
  });
  await knex.schema.alterTable('audit', (table) => {
    table.dropIndex(['id'], 'audit_id_idx');
  });`),
    kyselyMigration(`  await sql\`
    CREATE TABLE audit (id bigint);
    CREATE INDEX audit_id_idx ON audit (id);
    DROP INDEX audit_id_idx;
  \`.execute(db);`),
    // `down` undoes what `up` added and is not checked unless asked.
    knexMigration('', { down: "  await knex.raw('DROP INDEX users_email_idx');" }),
  ],
  invalid: [
    {
      code: knexMigration(`  await knex.schema.alterTable('users', (table) => {
    table.dropIndex(['email'], 'users_email_idx');
  });`),
      errors: [
        {
          messageId: 'dropIndex',
          line: 5,
          column: 5,
          endLine: 5,
          endColumn: 50,
          data: { index: 'users_email_idx', table: 'users', blocked },
          suggestions: [],
        },
      ],
    },
    {
      code: knexMigration(`  await knex.raw('DROP INDEX users_email_idx');
  await knex.schema.raw('DROP INDEX IF EXISTS users_a_idx, users_b_idx CASCADE');`),
      errors: [
        {
          messageId: 'dropIndex',
          line: 4,
          column: 19,
          endColumn: 45,
          data: { index: 'users_email_idx', table: 'its table', blocked },
          suggestions: [
            {
              messageId: 'addConcurrently',
              output: knexMigration(`  await knex.raw('DROP INDEX CONCURRENTLY users_email_idx');
  await knex.schema.raw('DROP INDEX IF EXISTS users_a_idx, users_b_idx CASCADE');`),
            },
          ],
        },
        // CONCURRENTLY drops one index at a time and refuses CASCADE: no suggestion.
        { messageId: 'dropIndex', line: 5, column: 26, endColumn: 79, data: { index: 'users_a_idx, users_b_idx', table: 'its table', blocked }, suggestions: [] },
      ],
    },
    {
      // An index built on an existing table in the same migration is still dropped under ACCESS EXCLUSIVE.
      code: kyselyMigration(`  await sql\`CREATE INDEX users_email_idx ON users (email)\`.execute(db);
  await db.schema.dropIndex('users_email_idx').ifExists().execute();`),
      errors: [{ messageId: 'dropIndex', line: 5, column: 19, endColumn: 58, data: { index: 'users_email_idx', table: 'users', blocked }, suggestions: [] }],
    },
    {
      code: kyselyMigration("  await sql`DROP INDEX ${sql.id('users_name_idx')}`.execute(db);"),
      errors: [
        {
          messageId: 'dropIndex',
          line: 4,
          column: 13,
          data: { index: 'users_name_idx', table: 'its table', blocked },
          suggestions: [
            {
              messageId: 'addConcurrently',
              output: kyselyMigration("  await sql`DROP INDEX CONCURRENTLY ${sql.id('users_name_idx')}`.execute(db);"),
            },
          ],
        },
      ],
    },
    {
      code: knexMigration('', { down: "  await knex.raw('DROP INDEX users_email_idx');" }),
      options: [{ checkDown: true }],
      errors: [
        {
          messageId: 'dropIndex',
          line: 8,
          column: 19,
          suggestions: [
            { messageId: 'addConcurrently', output: knexMigration('', { down: "  await knex.raw('DROP INDEX CONCURRENTLY users_email_idx');" }) },
          ],
        },
      ],
    },
  ],
});

// Sequelize runs migrations without a transaction; MikroORM and Payload wrap each one.
ruleTester().run('require-concurrent-index-deletion (Sequelize, MikroORM, Payload)', rule, {
  valid: [
    { code: sequelizeMigration("    await queryInterface.removeIndex('users', 'users_email_idx', { concurrently: true });"), filename: 'migrations/20240101000000-change.js' },
    mikroOrmMigration('    this.addSql(`drop index concurrently if exists "user_email_index";`);', { members: '  override isTransactional(): boolean {\n    return false;\n  }\n' }),
  ],
  invalid: [
    {
      code: sequelizeMigration(`    await queryInterface.removeIndex('users', 'users_email_idx');
    await queryInterface.sequelize.query('DROP INDEX users_name_idx');`),
      filename: 'migrations/20240101000000-change.js',
      errors: [
        { messageId: 'dropIndex', line: 6, column: 11, endColumn: 65, data: { index: 'users_email_idx', table: 'users', blocked }, suggestions: [] },
        {
          messageId: 'dropIndex',
          line: 7,
          column: 43,
          endColumn: 68,
          suggestions: [
            {
              messageId: 'addConcurrently',
              output: sequelizeMigration(`    await queryInterface.removeIndex('users', 'users_email_idx');
    await queryInterface.sequelize.query('DROP INDEX CONCURRENTLY users_name_idx');`),
            },
          ],
        },
      ],
    },
    {
      code: mikroOrmMigration('    this.addSql(`drop index "user_email_index";`);'),
      errors: [
        {
          messageId: 'dropIndex',
          line: 6,
          column: 18,
          endColumn: 47,
          data: { index: 'user_email_index', table: 'its table', blocked },
          suggestions: [{ messageId: 'addConcurrently', output: mikroOrmMigration('    this.addSql(`drop index CONCURRENTLY "user_email_index";`);') }],
        },
      ],
    },
    {
      code: payloadMigration('  await db.execute(sql`DROP INDEX IF EXISTS "posts_status_idx";`)'),
      filename: 'src/migrations/20240101_000000_change.ts',
      errors: [
        {
          messageId: 'dropIndex',
          line: 4,
          column: 24,
          endColumn: 63,
          suggestions: [{ messageId: 'addConcurrently', output: payloadMigration('  await db.execute(sql`DROP INDEX CONCURRENTLY IF EXISTS "posts_status_idx";`)') }],
        },
      ],
    },
  ],
});

describe('require-concurrent-index-deletion in .sql files', () => {
  const lint = (code: string, filename: string) => reports(lintSql(code, filename), ['require-concurrent-index-deletion']);

  it('reports the DROP INDEX statement', () => {
    expect(lint('-- DropIndex\nDROP INDEX "User_email_idx";\n', 'prisma/migrations/20240101000000_drop_user_email_index/migration.sql')).toEqual([
      { ruleId: 'live-upgrade/require-concurrent-index-deletion', line: 2, column: 1, endLine: 2, endColumn: 28 },
    ]);
  });

  it('accepts DROP INDEX CONCURRENTLY', () => {
    expect(lint('--! no-transaction\nDROP INDEX CONCURRENTLY IF EXISTS users_email_idx;\n', 'migrations/current.sql')).toEqual([]);
  });
});

ruleTester().run('require-concurrent-index-deletion (node-pg-migrate, TypeORM)', rule, {
  valid: [
    nodePgMigrateMigration("  pgm.noTransaction();\n  pgm.dropIndex('users', 'email', { name: 'users_email_idx', concurrently: true, ifExists: true });"),
    typeormMigration('        await queryRunner.query(`DROP INDEX CONCURRENTLY IF EXISTS "IDX_user_email"`);', { members: '    public transaction = false;' }),
  ],
  invalid: [
    {
      code: nodePgMigrateMigration("  pgm.dropIndex('users', 'email', { name: 'users_email_idx' });\n  pgm.sql('DROP INDEX users_name_idx');"),
      errors: [
        { messageId: 'dropIndex', line: 6, column: 3, endColumn: 63, data: { index: 'users_email_idx', table: 'users', blocked }, suggestions: [] },
        {
          messageId: 'dropIndex',
          line: 7,
          column: 12,
          endColumn: 37,
          suggestions: [
            {
              messageId: 'addConcurrently',
              output: nodePgMigrateMigration("  pgm.dropIndex('users', 'email', { name: 'users_email_idx' });\n  pgm.sql('DROP INDEX CONCURRENTLY users_name_idx');"),
            },
          ],
        },
      ],
    },
    {
      code: typeormMigration("        await queryRunner.dropIndex('user', 'IDX_user_email');\n        await queryRunner.query(`DROP INDEX \"public\".\"IDX_user_name\"`);"),
      errors: [
        { messageId: 'dropIndex', line: 6, column: 15, endColumn: 62, data: { index: 'IDX_user_email', table: 'user', blocked }, suggestions: [] },
        {
          messageId: 'dropIndex',
          line: 7,
          column: 34,
          endColumn: 69,
          data: { index: 'IDX_user_name', table: 'its table', blocked },
          suggestions: [
            {
              messageId: 'addConcurrently',
              output: typeormMigration("        await queryRunner.dropIndex('user', 'IDX_user_email');\n        await queryRunner.query(`DROP INDEX CONCURRENTLY \"public\".\"IDX_user_name\"`);"),
            },
          ],
        },
      ],
    },
  ],
});
