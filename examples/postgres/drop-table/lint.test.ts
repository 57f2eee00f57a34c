import { describe, expect, test } from 'vitest';
import { lintAsMigration, withoutLine } from '../../harness/lint.ts';

const scenario = new URL('./', import.meta.url);

describe('the recommended preset', () => {
  test('reports the drop in unsafe/, shipped while release N still runs, on the dropTable call', async () => {
    expect(await lintAsMigration(scenario, 'unsafe/002_drop_login_events_during_rollout.ts')).toEqual([
      { ruleId: 'live-upgrade/no-drop-table', line: 7, column: 21 },
      { ruleId: 'live-upgrade/require-lock-timeout', line: 7, column: 21 },
    ]);
  });

  test.each(
    ['knex', 'kysely', 'node-pg-migrate', 'sql'].flatMap((tool) =>
      ['001_create_users_and_login_events', '002_drop_login_events'].map((step) => `${tool}/${step}.${tool === 'sql' ? 'sql' : 'ts'}`),
    ),
  )('accepts %s', async (file) => {
    expect(await lintAsMigration(scenario, file)).toEqual([]);
  });

  // The disable comment in each contract migration is what keeps it quiet, not a blind spot.
  test.each([
    ['knex/002_drop_login_events.ts', 7, 21],
    ['kysely/002_drop_login_events.ts', 7, 19],
    ['node-pg-migrate/002_drop_login_events.ts', 7, 3],
    ['sql/002_drop_login_events.sql', 4, 1],
  ])('%s without its disable comment gets no-drop-table', async (file, line, column) => {
    const source = await withoutLine(scenario, file, 'eslint-disable-next-line');
    expect(await lintAsMigration(scenario, file, { source })).toEqual([{ ruleId: 'live-upgrade/no-drop-table', line, column }]);
  });

  test.each([
    ['knex/002_drop_login_events.ts', 7, 21],
    ['kysely/002_drop_login_events.ts', 7, 19],
    ['node-pg-migrate/002_drop_login_events.ts', 7, 3],
    ['sql/002_drop_login_events.sql', 4, 1],
  ])('%s without its lock_timeout gets require-lock-timeout', async (file, line, column) => {
    const source = await withoutLine(scenario, file, 'SET LOCAL lock_timeout');
    expect(await lintAsMigration(scenario, file, { source })).toEqual([{ ruleId: 'live-upgrade/require-lock-timeout', line, column }]);
  });
});
