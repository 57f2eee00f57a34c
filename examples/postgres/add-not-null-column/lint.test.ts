import { readFile } from 'node:fs/promises';
import { describe, expect, test } from 'vitest';
import { lintAsMigration, withoutLine } from '../../harness/lint.ts';

const scenario = new URL('./', import.meta.url);
// As in eslint.config.ts: this scenario's Kysely Migrator runs with disableTransactions.
const settings = { 'live-upgrade': { kysely: { disableTransactions: true } } };

const STEPS = [
  '001_create_accounts',
  '002_add_accounts_search_name',
  '003_backfill_accounts_search_name',
  '004_add_accounts_search_name_check',
  '005_validate_accounts_search_name_check',
  '006_set_accounts_search_name_not_null',
  '007_drop_accounts_search_name_check',
];

describe('the recommended preset', () => {
  test('reports the NOT NULL column without a default in unsafe/', async () => {
    expect(await lintAsMigration(scenario, 'unsafe/002_add_accounts_search_name.ts')).toEqual([
      { ruleId: 'live-upgrade/require-default-for-not-null-column', line: 8, column: 5 },
      { ruleId: 'live-upgrade/require-lock-timeout', line: 8, column: 5 },
    ]);
  });

  test('reports the whole-table UPDATE and the scanning SET NOT NULL of the one-transaction fill in unsafe/', async () => {
    expect(await lintAsMigration(scenario, 'unsafe/003_fill_accounts_search_name.ts')).toEqual([
      { ruleId: 'live-upgrade/no-unbatched-backfill', line: 7, column: 19 },
      { ruleId: 'live-upgrade/no-direct-set-not-null', line: 9, column: 5 },
      { ruleId: 'live-upgrade/require-lock-timeout', line: 9, column: 5 },
    ]);
  });

  test.each([
    ...['knex', 'kysely', 'node-pg-migrate'].flatMap((tool) => STEPS.map((step) => `${tool}/${step}.ts`)),
    'kysely/migrator.ts',
    ...STEPS.map((step) => `sql/${step}.sql`),
    'sql-pg18/004_add_accounts_search_name_not_null.sql',
    'sql-pg18/005_validate_accounts_search_name_not_null.sql',
  ])('accepts %s', async (file) => {
    expect(await lintAsMigration(scenario, file, { settings })).toEqual([]);
  });

  // The rule sees one file at a time: the CHECK validated by 005 is out of its sight, hence the comment.
  test.each([
    ['knex/006_set_accounts_search_name_not_null.ts', 9, 5],
    ['kysely/006_set_accounts_search_name_not_null.ts', 9, 45],
    ['node-pg-migrate/006_set_accounts_search_name_not_null.ts', 8, 3],
    ['sql/006_set_accounts_search_name_not_null.sql', 5, 1],
  ])('%s without its disable comment gets no-direct-set-not-null', async (file, line, column) => {
    const source = await withoutLine(scenario, file, 'eslint-disable-next-line');
    expect(await lintAsMigration(scenario, file, { settings, source })).toEqual([
      { ruleId: 'live-upgrade/no-direct-set-not-null', line, column },
    ]);
  });

  test.each([
    ['knex/004_add_accounts_search_name_check.ts', 7, 19],
    ['kysely/004_add_accounts_search_name_check.ts', 8, 15],
    ['node-pg-migrate/004_add_accounts_search_name_check.ts', 7, 3],
    ['sql/004_add_accounts_search_name_check.sql', 4, 1],
  ])('%s without NOT VALID gets require-not-valid-check', async (file, line, column) => {
    const source = await readFile(new URL(file, scenario), 'utf8');
    const validated = source.replace(') NOT VALID', ')');
    expect(validated).not.toBe(source);
    expect(await lintAsMigration(scenario, file, { settings, source: validated })).toEqual([
      { ruleId: 'live-upgrade/require-not-valid-check', line, column },
    ]);
  });

  test('the DO block of the SQL backfill without its disable comment gets no-opaque-sql', async () => {
    const file = 'sql/003_backfill_accounts_search_name.sql';
    const source = await withoutLine(scenario, file, 'eslint-disable-next-line');
    expect(await lintAsMigration(scenario, file, { source })).toEqual([{ ruleId: 'live-upgrade/no-opaque-sql', line: 4, column: 1 }]);
  });

  test.each([
    ['knex/002_add_accounts_search_name.ts', 7, 5],
    ['knex/004_add_accounts_search_name_check.ts', 6, 19],
    ['knex/006_set_accounts_search_name_not_null.ts', 9, 5],
    ['knex/007_drop_accounts_search_name_check.ts', 7, 5],
    ['kysely/002_add_accounts_search_name.ts', 7, 45],
    ['kysely/004_add_accounts_search_name_check.ts', 7, 15],
    ['kysely/006_set_accounts_search_name_not_null.ts', 9, 45],
    ['kysely/007_drop_accounts_search_name_check.ts', 7, 45],
    ['node-pg-migrate/002_add_accounts_search_name.ts', 6, 3],
    ['node-pg-migrate/004_add_accounts_search_name_check.ts', 6, 3],
    ['node-pg-migrate/006_set_accounts_search_name_not_null.ts', 8, 3],
    ['node-pg-migrate/007_drop_accounts_search_name_check.ts', 6, 3],
    ['sql/002_add_accounts_search_name.sql', 3, 1],
    ['sql/004_add_accounts_search_name_check.sql', 3, 1],
    ['sql/006_set_accounts_search_name_not_null.sql', 5, 1],
    ['sql/007_drop_accounts_search_name_check.sql', 3, 1],
    ['sql-pg18/004_add_accounts_search_name_not_null.sql', 3, 1],
  ])('%s without its lock_timeout gets require-lock-timeout', async (file, line, column) => {
    const source = await withoutLine(scenario, file, 'SET LOCAL lock_timeout');
    expect(await lintAsMigration(scenario, file, { settings, source })).toEqual([
      { ruleId: 'live-upgrade/require-lock-timeout', line, column },
    ]);
  });
});
