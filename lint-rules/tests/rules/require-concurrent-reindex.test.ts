import { describe, expect, it } from 'vitest';
import rule from '../../src/rules/require-concurrent-reindex.ts';
import { knexMigration, kyselyMigration, mikroOrmMigration, nodePgMigrateMigration, payloadMigration, ruleTester, sequelizeMigration, typeormMigration } from '../fixtures.ts';
import { lintSql, reports } from '../languages/lint-sql.ts';

const outsideTransaction = 'export const config = { transaction: false };';

ruleTester().run('require-concurrent-reindex', rule, {
  valid: [
    knexMigration("  await knex.raw('REINDEX INDEX CONCURRENTLY users_email_idx');", { config: outsideTransaction }),
    kyselyMigration('  await sql`REINDEX (CONCURRENTLY, VERBOSE) TABLE users`.execute(db);'),
    // A table created in the same migration, and an index built on it, have no readers yet.
    kyselyMigration(`  await sql\`
    CREATE TABLE audit (id bigint);
    CREATE INDEX audit_id_idx ON audit (id);
    REINDEX INDEX audit_id_idx;
    REINDEX TABLE audit;
  \`.execute(db);`),
    // REINDEX SYSTEM has no concurrent form.
    knexMigration("  await knex.raw('REINDEX SYSTEM');", { config: outsideTransaction }),
    knexMigration('', { down: "  await knex.raw('REINDEX TABLE users');" }),
  ],
  invalid: [
    {
      code: knexMigration("  await knex.raw('REINDEX INDEX users_email_idx; REINDEX TABLE users; REINDEX (VERBOSE) SCHEMA app');"),
      errors: [
        {
          messageId: 'reindex',
          line: 4,
          column: 19,
          endColumn: 48,
          data: { scope: 'INDEX', target: 'users_email_idx' },
          suggestions: [
            {
              messageId: 'addConcurrently',
              output: knexMigration("  await knex.raw('REINDEX INDEX CONCURRENTLY users_email_idx; REINDEX TABLE users; REINDEX (VERBOSE) SCHEMA app');"),
            },
          ],
        },
        {
          messageId: 'reindex',
          line: 4,
          column: 50,
          endColumn: 69,
          data: { scope: 'TABLE', target: 'users' },
          suggestions: [
            {
              messageId: 'addConcurrently',
              output: knexMigration("  await knex.raw('REINDEX INDEX users_email_idx; REINDEX TABLE CONCURRENTLY users; REINDEX (VERBOSE) SCHEMA app');"),
            },
          ],
        },
        // With an option list, CONCURRENTLY belongs inside the parentheses: no suggestion.
        { messageId: 'reindex', line: 4, column: 71, endColumn: 99, data: { scope: 'SCHEMA', target: 'app' }, suggestions: [] },
      ],
    },
    {
      code: kyselyMigration(`  await sql\`
    REINDEX TABLE \${sql.table('public.users')};
  \`.execute(db);`),
      errors: [
        {
          messageId: 'reindex',
          line: 5,
          column: 5,
          data: { scope: 'TABLE', target: 'users' },
          suggestions: [
            {
              messageId: 'addConcurrently',
              output: kyselyMigration(`  await sql\`
    REINDEX TABLE CONCURRENTLY \${sql.table('public.users')};
  \`.execute(db);`),
            },
          ],
        },
      ],
    },
    {
      code: knexMigration('', { down: "  await knex.raw('REINDEX DATABASE shop');" }),
      options: [{ checkDown: true }],
      errors: [
        {
          messageId: 'reindex',
          line: 8,
          column: 19,
          data: { scope: 'DATABASE', target: 'shop' },
          suggestions: [{ messageId: 'addConcurrently', output: knexMigration('', { down: "  await knex.raw('REINDEX DATABASE CONCURRENTLY shop');" }) }],
        },
      ],
    },
  ],
});

// Before Postgres 12 there is no REINDEX CONCURRENTLY to ask for.
ruleTester({ postgresVersion: 11 }).run('require-concurrent-reindex (Postgres 11)', rule, {
  valid: [knexMigration("  await knex.raw('REINDEX TABLE users');")],
  invalid: [],
});

ruleTester({ postgresVersion: 12 }).run('require-concurrent-reindex (Postgres 12)', rule, {
  valid: [],
  invalid: [
    {
      code: knexMigration("  await knex.raw('REINDEX TABLE users');"),
      errors: [
        {
          messageId: 'reindex',
          line: 4,
          column: 19,
          suggestions: [{ messageId: 'addConcurrently', output: knexMigration("  await knex.raw('REINDEX TABLE CONCURRENTLY users');") }],
        },
      ],
    },
  ],
});

ruleTester().run('require-concurrent-reindex (Sequelize, MikroORM, Payload)', rule, {
  valid: [{ code: sequelizeMigration("    await queryInterface.sequelize.query('REINDEX TABLE CONCURRENTLY users');"), filename: 'migrations/20240101000000-change.js' }],
  invalid: [
    {
      code: sequelizeMigration("    await queryInterface.sequelize.query('REINDEX TABLE users');"),
      filename: 'migrations/20240101000000-change.js',
      errors: [
        {
          messageId: 'reindex',
          line: 6,
          column: 43,
          endColumn: 62,
          data: { scope: 'TABLE', target: 'users' },
          suggestions: [{ messageId: 'addConcurrently', output: sequelizeMigration("    await queryInterface.sequelize.query('REINDEX TABLE CONCURRENTLY users');") }],
        },
      ],
    },
    {
      code: mikroOrmMigration('    this.addSql(`reindex index "user_email_index";`);'),
      errors: [
        {
          messageId: 'reindex',
          line: 6,
          column: 18,
          endColumn: 50,
          data: { scope: 'INDEX', target: 'user_email_index' },
          suggestions: [{ messageId: 'addConcurrently', output: mikroOrmMigration('    this.addSql(`reindex index CONCURRENTLY "user_email_index";`);') }],
        },
      ],
    },
    {
      code: payloadMigration('  await db.execute(sql`REINDEX TABLE "posts";`)'),
      filename: 'src/migrations/20240101_000000_change.ts',
      errors: [
        {
          messageId: 'reindex',
          line: 4,
          column: 24,
          endColumn: 45,
          suggestions: [{ messageId: 'addConcurrently', output: payloadMigration('  await db.execute(sql`REINDEX TABLE CONCURRENTLY "posts";`)') }],
        },
      ],
    },
  ],
});

describe('require-concurrent-reindex in .sql files', () => {
  const lint = (code: string, settings = {}) => reports(lintSql(code, 'migrations/0042_reindex_users.sql', settings), ['require-concurrent-reindex']);

  it('reports REINDEX without CONCURRENTLY from Postgres 12', () => {
    expect(lint('REINDEX TABLE users;\n')).toEqual([{ ruleId: 'live-upgrade/require-concurrent-reindex', line: 1, column: 1, endLine: 1, endColumn: 20 }]);
    expect(lint('REINDEX TABLE users;\n', { postgresVersion: 11 })).toEqual([]);
  });
});

ruleTester().run('require-concurrent-reindex (node-pg-migrate, TypeORM)', rule, {
  valid: [nodePgMigrateMigration("  pgm.noTransaction();\n  pgm.sql('REINDEX TABLE CONCURRENTLY users');")],
  invalid: [
    {
      code: nodePgMigrateMigration("  pgm.sql('REINDEX TABLE users');"),
      errors: [
        {
          messageId: 'reindex',
          line: 6,
          column: 12,
          endColumn: 31,
          suggestions: [{ messageId: 'addConcurrently', output: nodePgMigrateMigration("  pgm.sql('REINDEX TABLE CONCURRENTLY users');") }],
        },
      ],
    },
    {
      code: typeormMigration('        await queryRunner.query(`REINDEX TABLE "user"`);'),
      errors: [
        {
          messageId: 'reindex',
          line: 6,
          column: 34,
          endColumn: 54,
          data: { scope: 'TABLE', target: 'user' },
          suggestions: [{ messageId: 'addConcurrently', output: typeormMigration('        await queryRunner.query(`REINDEX TABLE CONCURRENTLY "user"`);') }],
        },
      ],
    },
  ],
});
