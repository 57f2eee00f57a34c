import { describe, expect, test } from 'vitest';
import { lintAsMigration, withoutLine } from '../../harness/lint.ts';

const scenario = new URL('./', import.meta.url);

describe('the recommended preset', () => {
  test('reports the drop in unsafe/, shipped while release N still runs, on the dropColumn call', async () => {
    expect(await lintAsMigration(scenario, 'unsafe/002_drop_users_nickname.ts')).toEqual([
      { ruleId: 'live-upgrade/no-drop-column', line: 8, column: 5 },
      { ruleId: 'live-upgrade/require-lock-timeout', line: 8, column: 5 },
    ]);
  });

  test.each(['knex', 'kysely', 'node-pg-migrate'].flatMap((tool) => [
    `${tool}/001_create_users.ts`,
    `${tool}/002_allow_users_nickname_null.ts`,
    `${tool}/003_drop_users_nickname.ts`,
  ]).concat(['sql/001_create_users.sql', 'sql/002_allow_users_nickname_null.sql', 'sql/003_drop_users_nickname.sql']))(
    'accepts %s',
    async (file) => {
      expect(await lintAsMigration(scenario, file)).toEqual([]);
    },
  );

  // The disable comment in each contract migration is what keeps it quiet, not a blind spot.
  test.each([
    ['knex/003_drop_users_nickname.ts', 8, 5],
    ['kysely/003_drop_users_nickname.ts', 7, 39],
    ['node-pg-migrate/003_drop_users_nickname.ts', 7, 3],
    ['sql/003_drop_users_nickname.sql', 4, 1],
  ])('%s without its disable comment gets no-drop-column', async (file, line, column) => {
    const source = await withoutLine(scenario, file, 'eslint-disable-next-line');
    expect(await lintAsMigration(scenario, file, { source })).toEqual([{ ruleId: 'live-upgrade/no-drop-column', line, column }]);
  });

  test.each([
    ['knex/002_allow_users_nickname_null.ts', 7, 5],
    ['kysely/002_allow_users_nickname_null.ts', 6, 39],
    ['node-pg-migrate/002_allow_users_nickname_null.ts', 6, 3],
    ['sql/002_allow_users_nickname_null.sql', 3, 1],
  ])('%s without its lock_timeout gets require-lock-timeout', async (file, line, column) => {
    const source = await withoutLine(scenario, file, 'SET LOCAL lock_timeout');
    expect(await lintAsMigration(scenario, file, { source })).toEqual([{ ruleId: 'live-upgrade/require-lock-timeout', line, column }]);
  });
});
