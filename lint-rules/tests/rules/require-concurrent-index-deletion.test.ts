import rule from '../../src/rules/require-concurrent-index-deletion.ts';
import { knexMigration, kyselyMigration, ruleTester } from '../fixtures.ts';

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
