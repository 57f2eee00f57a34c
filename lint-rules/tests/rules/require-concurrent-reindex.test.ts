import rule from '../../src/rules/require-concurrent-reindex.ts';
import { knexMigration, kyselyMigration, ruleTester } from '../fixtures.ts';

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
