import rule from '../../src/rules/require-concurrent-index-creation.ts';
import { knexMigration, kyselyMigration, ruleTester } from '../fixtures.ts';

ruleTester().run('require-concurrent-index-creation', rule, {
  valid: [
    knexMigration("  await knex.raw('CREATE INDEX CONCURRENTLY users_email_idx ON users (email)');", {
      config: 'export const config = { transaction: false };',
    }),
    // A table created in the same migration has no readers yet.
    knexMigration(`  await knex.schema.createTable('audit', (table) => {
    table.bigIncrements('id');
    table.index(['id'], 'audit_id_idx');
  });
  await knex.raw('CREATE INDEX audit_created_idx ON audit (id)');`),
    kyselyMigration("  await sql`CREATE INDEX CONCURRENTLY users_email_idx ON users (email)`.execute(db);"),
    // ON ONLY creates a partitioned table's own index, scanning no partition.
    knexMigration("  await knex.raw('CREATE INDEX measurements_device_idx ON ONLY measurements (device_id)');"),
    // Down migrations undo what up added; they are not checked unless asked.
    knexMigration('', { down: "  await knex.raw('CREATE INDEX users_email_idx ON users (email)');" }),
  ],
  invalid: [
    {
      code: knexMigration(`  await knex.schema.alterTable('users', (table) => {
    table.index(['email'], 'users_email_idx');
    // Without useConstraint: false, Knex sends ADD CONSTRAINT … UNIQUE (require-constraint-using-index).
    table.unique(['nickname'], { useConstraint: false });
  });`),
      errors: [
        { messageId: 'createIndex', line: 5, column: 5, endLine: 5, endColumn: 46, data: { index: 'users_email_idx', table: 'users', blocked: 'every write (INSERT, UPDATE, DELETE)' } },
        { messageId: 'createIndex', line: 7, column: 5 },
      ],
    },
    {
      code: knexMigration("  await knex.raw('CREATE UNIQUE INDEX users_email_idx ON users (email)');"),
      errors: [
        {
          messageId: 'createIndex',
          line: 4,
          column: 19,
          endColumn: 71,
          suggestions: [
            {
              messageId: 'addConcurrently',
              output: knexMigration("  await knex.raw('CREATE UNIQUE INDEX CONCURRENTLY users_email_idx ON users (email)');"),
            },
          ],
        },
      ],
    },
    {
      // Reports point at the statement inside a multi-line template.
      code: kyselyMigration(`  await sql\`
    SET lock_timeout = '2s';
    CREATE INDEX users_email_idx ON \${sql.table('users')} (email);
  \`.execute(db);`),
      errors: [
        {
          messageId: 'createIndex',
          line: 6,
          column: 5,
          endLine: 6,
          endColumn: 66,
          suggestions: [
            {
              messageId: 'addConcurrently',
              output: kyselyMigration(`  await sql\`
    SET lock_timeout = '2s';
    CREATE INDEX CONCURRENTLY users_email_idx ON \${sql.table('users')} (email);
  \`.execute(db);`),
            },
          ],
        },
      ],
    },
    {
      code: kyselyMigration("  await db.schema.createIndex('users_email_idx').on('users').column('email').execute();"),
      errors: [{ messageId: 'createIndex', line: 4, column: 19, data: { index: 'users_email_idx', table: 'users', blocked: 'every write (INSERT, UPDATE, DELETE)' } }],
    },
    {
      code: knexMigration('', { down: "  await knex.raw('CREATE INDEX users_email_idx ON users (email)');" }),
      options: [{ checkDown: true }],
      errors: [
        {
          messageId: 'createIndex',
          line: 8,
          column: 19,
          suggestions: [
            {
              messageId: 'addConcurrently',
              output: knexMigration('', { down: "  await knex.raw('CREATE INDEX CONCURRENTLY users_email_idx ON users (email)');" }),
            },
          ],
        },
      ],
    },
  ],
});
