import rule from '../../src/rules/no-sql-syntax-error.ts';
import { knexMigration, kyselyMigration, ruleTester } from '../fixtures.ts';

ruleTester().run('no-sql-syntax-error', rule, {
  valid: [
    knexMigration("  await knex.raw('ALTER TABLE users ADD COLUMN age integer');"),
    // Interpolated values become placeholders: the SQL around them still parses.
    kyselyMigration('  const table = "users";\n  await sql`ALTER TABLE ${sql.table(table)} ADD COLUMN age integer DEFAULT ${0}`.execute(db);'),
    knexMigration("  await knex.raw('CREATE INDEX ?? ON ?? (??)', ['users_email_idx', 'users', 'email']);"),
  ],
  invalid: [
    {
      // One broken statement is reported where it breaks; the statements around it are still read.
      code: knexMigration("  await knex.raw('ALTER TABLE users ADD COLUMN a int; ALTER TABLE users ADDD b int; COMMENT ON TABLE users IS \\'x;y\\'; SELEC 1');"),
      errors: [
        { messageId: 'syntaxError', line: 4, column: 73, data: { message: 'syntax error at or near "ADDD"' } },
        { messageId: 'syntaxError', line: 4, column: 120, data: { message: 'syntax error at or near "SELEC"' } },
      ],
    },
    {
      code: knexMigration("  await knex.raw('ALTER TABLE users ADDD COLUMN age integer');"),
      errors: [{ messageId: 'syntaxError', line: 4, column: 37, data: { message: 'syntax error at or near "ADDD"' } }],
    },
    {
      // Errors in `down` are reported too: a rollback that does not parse fails when it is needed.
      code: kyselyMigration('', "  await sql`DROP INDX users_email_idx`.execute(db);"),
      errors: [{ messageId: 'syntaxError', line: 8, column: 18 }],
    },
    {
      // Escapes before the error shift the position in the source, not in the SQL; `ü` is one column.
      code: knexMigration("  await knex.raw('COMMENT ON TABLE users IS \\'ü\\'; SELEC 1');"),
      errors: [{ messageId: 'syntaxError', line: 4, column: 52 }],
    },
  ],
});
