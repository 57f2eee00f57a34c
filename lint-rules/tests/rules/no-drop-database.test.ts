import { describe, expect, it } from 'vitest';
import { lintSql, reports } from '../languages/lint-sql.ts';
import rule from '../../src/rules/no-drop-database.ts';
import { knexMigration, kyselyMigration, mikroOrmMigration, nodePgMigrateMigration, ruleTester, sequelizeMigration } from '../fixtures.ts';

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

ruleTester().run('no-drop-database (node-pg-migrate, Sequelize, MikroORM)', rule, {
  valid: [nodePgMigrateMigration("  pgm.sql('DROP SCHEMA reporting');")],
  invalid: [
    {
      code: nodePgMigrateMigration("  pgm.sql('DROP SCHEMA reporting CASCADE');"),
      errors: [{ messageId: 'dropSchemaCascade', line: 6, column: 12, endColumn: 41, data: { name: 'reporting' } }],
    },
    {
      code: sequelizeMigration("    await queryInterface.sequelize.query('DROP DATABASE app_staging');"),
      filename: 'migrations/20240101000000-change.js',
      errors: [{ messageId: 'dropDatabase', line: 6, column: 43, data: { name: 'app_staging' } }],
    },
    {
      code: mikroOrmMigration('    this.addSql(`drop schema if exists "reporting" cascade;`);'),
      errors: [{ messageId: 'dropSchemaCascade', line: 6, column: 18, endColumn: 59, data: { name: 'reporting' } }],
    },
  ],
});

describe('no-drop-database in .sql files', () => {
  it('reports the DROP SCHEMA … CASCADE statement', () => {
    const code = 'DROP SCHEMA reporting CASCADE;\n';
    expect(reports(lintSql(code, 'migrations/0042_change.sql'), ['no-drop-database'])).toEqual([
      { ruleId: 'live-upgrade/no-drop-database', line: 1, column: 1, endLine: 1, endColumn: 30 },
    ]);
  });
});
