import { readFile } from 'node:fs/promises';
import { describe, expect, test } from 'vitest';
import { lintAsMigration, withoutLine } from '../../harness/lint.ts';

const scenario = new URL('./', import.meta.url);
const STEPS = ['001_create_users', '002_delete_duplicate_users', '003_create_users_email_key_index', '004_add_users_email_key_constraint'];
// What the eslint.config.ts of a project using this scenario's Kysely Migrator says.
const kyselyWithoutTransactions = { 'live-upgrade': { kysely: { disableTransactions: true } } };

/** The file with `from` replaced by `to` (once); throws if `from` is not in it. */
async function edited(file: string, from: string, to: string): Promise<string> {
  const source = await readFile(new URL(file, scenario), 'utf8');
  if (!source.includes(from)) throw new Error(`${file} has no ${from}`);
  return source.replace(from, to);
}

describe('the recommended preset', () => {
  // Knex sends `alter table … add constraint … unique (…)`: the lock is ACCESS EXCLUSIVE (see the
  // trace), which the plugin reports as an index build without CONCURRENTLY.
  test('reports the unique constraint added directly in unsafe/ on the table.unique(…) call', async () => {
    expect(await lintAsMigration(scenario, 'unsafe/003_add_users_email_key.ts')).toEqual([
      { ruleId: 'live-upgrade/require-constraint-using-index', line: 8, column: 5 },
      { ruleId: 'live-upgrade/require-lock-timeout', line: 8, column: 5 },
    ]);
  });

  test.each([
    ...['knex', 'kysely', 'node-pg-migrate'].flatMap((tool) => STEPS.map((step) => `${tool}/${step}.ts`)),
    ...STEPS.map((step) => `sql/${step}.sql`),
  ])('accepts %s', async (file) => {
    expect(await lintAsMigration(scenario, file, { settings: kyselyWithoutTransactions })).toEqual([]);
  });

  test('reports the SQL form of the direct constraint: ADD CONSTRAINT … UNIQUE (email)', async () => {
    const file = 'sql/004_add_users_email_key_constraint.sql';
    const source = await edited(file, 'UNIQUE USING INDEX users_email_key', 'UNIQUE (email)');
    expect(await lintAsMigration(scenario, file, { source })).toEqual([
      { ruleId: 'live-upgrade/require-constraint-using-index', line: 4, column: 1 },
    ]);
  });

  test.each([
    ['knex/004_add_users_email_key_constraint.ts', 7, 19],
    ['kysely/004_add_users_email_key_constraint.ts', 7, 15],
    ['node-pg-migrate/004_add_users_email_key_constraint.ts', 6, 3],
    ['sql/004_add_users_email_key_constraint.sql', 3, 1],
  ])('%s without its lock_timeout gets require-lock-timeout', async (file, line, column) => {
    const source = await withoutLine(scenario, file, 'SET LOCAL lock_timeout');
    expect(await lintAsMigration(scenario, file, { source, settings: kyselyWithoutTransactions })).toEqual([
      { ruleId: 'live-upgrade/require-lock-timeout', line, column },
    ]);
  });

  test('reports both concurrent statements when the Kysely Migrator would wrap them in a transaction', async () => {
    expect(await lintAsMigration(scenario, 'kysely/003_create_users_email_key_index.ts')).toEqual([
      { ruleId: 'live-upgrade/no-concurrently-in-transaction', line: 7, column: 13 }, // up: CREATE INDEX
      { ruleId: 'live-upgrade/no-concurrently-in-transaction', line: 12, column: 13 }, // down: DROP INDEX
    ]);
  });

  test('knex/003 without its config = { transaction: false } gets no-concurrently-in-transaction in up and down', async () => {
    const file = 'knex/003_create_users_email_key_index.ts';
    const source = await withoutLine(scenario, file, 'export const config');
    expect(await lintAsMigration(scenario, file, { source })).toEqual([
      { ruleId: 'live-upgrade/no-concurrently-in-transaction', line: 8, column: 19 },
      { ruleId: 'live-upgrade/no-concurrently-in-transaction', line: 13, column: 19 },
    ]);
  });

  test('node-pg-migrate/003 without pgm.noTransaction() gets no-concurrently-in-transaction in up and down', async () => {
    const file = 'node-pg-migrate/003_create_users_email_key_index.ts';
    const source = (await readFile(new URL(file, scenario), 'utf8')).replaceAll('  pgm.noTransaction();\n', '');
    expect(await lintAsMigration(scenario, file, { source })).toEqual([
      { ruleId: 'live-upgrade/no-concurrently-in-transaction', line: 7, column: 3 },
      { ruleId: 'live-upgrade/no-concurrently-in-transaction', line: 12, column: 3 },
    ]);
  });
});
