import rule from '../../src/rules/no-concurrently-in-transaction.ts';
import { knexMigration, kyselyMigration, ruleTester } from '../fixtures.ts';

const createConcurrently = "  await knex.raw('CREATE INDEX CONCURRENTLY users_email_idx ON users (email)');";

ruleTester().run('no-concurrently-in-transaction', rule, {
  valid: [
    knexMigration(createConcurrently, { config: 'export const config = { transaction: false };' }),
    `exports.config = { transaction: false };
exports.up = (knex) => knex.raw('DROP INDEX CONCURRENTLY IF EXISTS users_email_idx');
exports.down = () => {};`,
    knexMigration("  await knex.raw('CREATE INDEX users_email_idx ON users (email)');"),
  ],
  invalid: [
    {
      code: knexMigration(createConcurrently),
      errors: [
        {
          messageId: 'inTransaction',
          line: 4,
          column: 19,
          data: {
            statement: 'CREATE INDEX CONCURRENTLY',
            reason: 'Knex runs every migration inside a transaction (a whole batch in one when none opts out)',
            optOut: 'export `const config = { transaction: false }` from the migration',
          },
        },
      ],
    },
    {
      code: knexMigration(createConcurrently, { config: 'export const config = { transaction: true };' }),
      errors: [{ messageId: 'inTransaction', line: 4 }],
    },
    {
      // Kysely's Migrator wraps every pending migration in one transaction unless told otherwise.
      code: kyselyMigration(
        "  await sql`REINDEX INDEX CONCURRENTLY users_email_idx`.execute(db);\n  await sql`ALTER TABLE events DETACH PARTITION events_2020 CONCURRENTLY`.execute(db);",
      ),
      errors: [
        { messageId: 'inTransaction', line: 4, column: 13 },
        { messageId: 'inTransaction', line: 5, column: 13 },
      ],
    },
    {
      code: knexMigration(
        "  await knex.raw('BEGIN; CREATE INDEX CONCURRENTLY users_email_idx ON users (email); COMMIT;');",
        { config: 'export const config = { transaction: false };' },
      ),
      errors: [{ messageId: 'afterBegin', line: 4, column: 26 }],
    },
  ],
});

ruleTester({ kysely: { disableTransactions: true } }).run('no-concurrently-in-transaction (Kysely, transactions disabled)', rule, {
  valid: [kyselyMigration("  await sql`CREATE INDEX CONCURRENTLY users_email_idx ON users (email)`.execute(db);")],
  invalid: [],
});
