import { describe, expect, test } from 'vitest';
import { lintAsMigration, withoutLine } from '../../harness/lint.ts';

const scenario = new URL('./', import.meta.url);
// As in eslint.config.ts: this scenario's Kysely Migrator runs with disableTransactions.
const settings = { 'live-upgrade': { kysely: { disableTransactions: true } } };

const STEPS = ['001_create_users', '002_add_users_full_name', '003_backfill_users_full_name', '004_drop_users_name'];

describe('the recommended preset', () => {
  test('reports the plain rename in unsafe/, shipped while release N still runs, on the renameColumn call', async () => {
    expect(await lintAsMigration(scenario, 'unsafe/002_rename_users_name.ts')).toEqual([
      { ruleId: 'live-upgrade/no-rename-column', line: 8, column: 5 },
      { ruleId: 'live-upgrade/require-lock-timeout', line: 8, column: 5 },
    ]);
  });

  test.each([
    ...['knex', 'kysely', 'node-pg-migrate'].flatMap((tool) => STEPS.map((step) => `${tool}/${step}.ts`)),
    'kysely/migrator.ts',
    ...STEPS.map((step) => `sql/${step}.sql`),
  ])('accepts %s', async (file) => {
    expect(await lintAsMigration(scenario, file, { settings })).toEqual([]);
  });

  // The disable comment in each contract migration is what keeps it quiet, not a blind spot.
  test.each([
    ['knex/004_drop_users_name.ts', 10, 5],
    ['kysely/004_drop_users_name.ts', 10, 42],
    ['node-pg-migrate/004_drop_users_name.ts', 9, 3],
    ['sql/004_drop_users_name.sql', 6, 1],
  ])('%s without its disable comment gets no-drop-column', async (file, line, column) => {
    const source = await withoutLine(scenario, file, 'eslint-disable-next-line');
    expect(await lintAsMigration(scenario, file, { settings, source })).toEqual([
      { ruleId: 'live-upgrade/no-drop-column', line, column },
    ]);
  });

  test('the DO block of the SQL backfill without its disable comment gets no-opaque-sql', async () => {
    const file = 'sql/003_backfill_users_full_name.sql';
    const source = await withoutLine(scenario, file, 'eslint-disable-next-line');
    expect(await lintAsMigration(scenario, file, { source })).toEqual([{ ruleId: 'live-upgrade/no-opaque-sql', line: 4, column: 1 }]);
  });

  // 002: ADD COLUMN, then CREATE TRIGGER (SHARE ROW EXCLUSIVE); 004: DROP TRIGGER, then DROP COLUMN.
  test.each([
    ['knex/002_add_users_full_name.ts', [[8, 5], [25, 5]]],
    ['knex/004_drop_users_name.ts', [[6, 19], [10, 5]]],
    ['kysely/002_add_users_full_name.ts', [[8, 42], [24, 7]]],
    ['kysely/004_drop_users_name.ts', [[7, 15], [10, 42]]],
    ['node-pg-migrate/002_add_users_full_name.ts', [[7, 3], [9, 3]]],
    ['node-pg-migrate/004_drop_users_name.ts', [[6, 3], [9, 3]]],
    ['sql/002_add_users_full_name.sql', [[4, 1], [18, 1]]],
    ['sql/004_drop_users_name.sql', [[3, 1], [6, 1]]],
  ])('%s without its lock_timeout gets require-lock-timeout on each statement that locks users', async (file, positions) => {
    const source = await withoutLine(scenario, file, 'SET LOCAL lock_timeout');
    expect(await lintAsMigration(scenario, file, { settings, source })).toEqual(
      positions.map(([line, column]) => ({ ruleId: 'live-upgrade/require-lock-timeout', line, column })),
    );
  });
});
