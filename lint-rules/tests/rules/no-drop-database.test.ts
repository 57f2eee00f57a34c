import rule from '../../src/rules/no-drop-database.ts';
import { knexMigration, kyselyMigration, ruleTester } from '../fixtures.ts';

ruleTester().run('no-drop-database', rule, {
  valid: [
    // Without CASCADE, DROP SCHEMA fails unless the schema is already empty.
    knexMigration("  await knex.raw('DROP SCHEMA IF EXISTS reporting');"),
    knexMigration("  await knex.schema.dropSchema('reporting');"),
    kyselyMigration("  await db.schema.dropSchema('reporting').ifExists().execute();"),
    knexMigration('', { down: "  await knex.raw('DROP SCHEMA reporting CASCADE');" }),
  ],
  invalid: [
    {
      code: knexMigration("  await knex.raw('DROP DATABASE app_staging');"),
      errors: [{ messageId: 'dropDatabase', line: 4, column: 19, endColumn: 44, data: { name: 'app_staging' } }],
    },
    {
      code: knexMigration("  await knex.schema.dropSchemaIfExists('reporting', true);"),
      errors: [{ messageId: 'dropSchemaCascade', line: 4, column: 21, data: { name: 'reporting' } }],
    },
    {
      code: kyselyMigration("  await db.schema.dropSchema('reporting').cascade().execute();"),
      errors: [{ messageId: 'dropSchemaCascade', line: 4, column: 19, endColumn: 52, data: { name: 'reporting' } }],
    },
    {
      code: kyselyMigration('  await sql`DROP SCHEMA reporting, staging CASCADE`.execute(db);'),
      errors: [
        { messageId: 'dropSchemaCascade', line: 4, column: 13, data: { name: 'reporting' } },
        { messageId: 'dropSchemaCascade', line: 4, column: 13, data: { name: 'staging' } },
      ],
    },
    {
      code: knexMigration('', { down: "  await knex.raw('DROP SCHEMA reporting CASCADE');" }),
      options: [{ checkDown: true }],
      errors: [{ messageId: 'dropSchemaCascade', line: 8, column: 19 }],
    },
  ],
});
