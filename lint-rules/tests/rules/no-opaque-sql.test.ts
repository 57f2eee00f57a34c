import rule from '../../src/rules/no-opaque-sql.ts';
import { knexMigration, kyselyMigration, ruleTester } from '../fixtures.ts';

ruleTester().run('no-opaque-sql', rule, {
  valid: [
    knexMigration("  await knex.raw('ALTER TABLE users ADD COLUMN age integer');"),
    kyselyMigration('  await sql`UPDATE users SET age = ${0} WHERE id = ${1}`.execute(db);'),
  ],
  invalid: [
    {
      code: knexMigration("  await knex.raw('DO $$ BEGIN PERFORM 1; END $$');"),
      errors: [{ messageId: 'opaque', line: 4, column: 19, data: { reason: 'a DO block runs procedural code the linter cannot see into' } }],
    },
    {
      code: knexMigration('  const statement = buildStatement();\n  await knex.raw(statement);'),
      errors: [{ messageId: 'opaque', line: 5, column: 9, data: { reason: 'the SQL passed to raw() is not written in the migration' } }],
    },
    {
      code: kyselyMigration('  await sql`${sql.raw(process.env.DDL ?? "")} ${sql.raw(process.env.MORE ?? "")}`.execute(db);'),
      errors: [{ messageId: 'opaque', line: 4, column: 13 }],
    },
  ],
});
