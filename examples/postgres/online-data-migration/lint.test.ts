import { describe, expect, test } from 'vitest';
import { lintAsMigration, withoutLine } from '../../harness/lint.ts';

const scenario = new URL('./', import.meta.url);
const STEPS = ['001_create_orders', '002_add_orders_total_cents', '003_require_orders_total_cents', '004_allow_orders_total_null', '005_drop_orders_total'];

describe('the recommended preset', () => {
  test('reports the whole-table UPDATE after the ALTER TABLE in unsafe/', async () => {
    expect(await lintAsMigration(scenario, 'unsafe/002_add_orders_total_cents.ts')).toEqual([
      { ruleId: 'live-upgrade/require-lock-timeout', line: 8, column: 5 },
      { ruleId: 'live-upgrade/no-unbatched-backfill', line: 10, column: 19 },
    ]);
  });

  test.each([...['knex', 'kysely', 'node-pg-migrate'].flatMap((tool) => STEPS.map((step) => `${tool}/${step}.ts`)), ...STEPS.map((step) => `sql/${step}.sql`)])(
    'accepts %s',
    async (file) => {
      expect(await lintAsMigration(scenario, file)).toEqual([]);
    },
  );

  test('the DO block of the SQL blocker without its disable comment gets no-opaque-sql', async () => {
    const file = 'sql/003_require_orders_total_cents.sql';
    const source = await withoutLine(scenario, file, 'eslint-disable-next-line');
    expect(await lintAsMigration(scenario, file, { source })).toEqual([{ ruleId: 'live-upgrade/no-opaque-sql', line: 3, column: 1 }]);
  });

  // The disable comment in each contract migration is what keeps it quiet, not a blind spot.
  test.each([
    ['knex/005_drop_orders_total.ts', 8, 5],
    ['kysely/005_drop_orders_total.ts', 7, 40],
    ['node-pg-migrate/005_drop_orders_total.ts', 7, 3],
    ['sql/005_drop_orders_total.sql', 4, 1],
  ])('%s without its disable comment gets no-drop-column', async (file, line, column) => {
    const source = await withoutLine(scenario, file, 'eslint-disable-next-line');
    expect(await lintAsMigration(scenario, file, { source })).toEqual([{ ruleId: 'live-upgrade/no-drop-column', line, column }]);
  });

  test.each([
    ['knex/002_add_orders_total_cents.ts', 8, 5],
    ['kysely/002_add_orders_total_cents.ts', 6, 40],
    ['node-pg-migrate/002_add_orders_total_cents.ts', 5, 3],
    ['sql/002_add_orders_total_cents.sql', 2, 1],
    ['knex/004_allow_orders_total_null.ts', 8, 5],
    ['kysely/004_allow_orders_total_null.ts', 7, 40],
    ['node-pg-migrate/004_allow_orders_total_null.ts', 7, 3],
    ['sql/004_allow_orders_total_null.sql', 4, 1],
  ])('%s without its lock_timeout gets require-lock-timeout', async (file, line, column) => {
    const source = await withoutLine(scenario, file, 'SET LOCAL lock_timeout');
    expect(await lintAsMigration(scenario, file, { source })).toEqual([{ ruleId: 'live-upgrade/require-lock-timeout', line, column }]);
  });
});
