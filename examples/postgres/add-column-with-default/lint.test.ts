import { describe, expect, test } from 'vitest';
import { lintAsMigration, withoutLine } from '../../harness/lint.ts';

const scenario = new URL('./', import.meta.url);

describe('the recommended preset', () => {
  test('reports the volatile default in unsafe/ on the column definition', async () => {
    expect(await lintAsMigration(scenario, 'unsafe/002_add_orders_public_id.ts')).toEqual([
      { ruleId: 'live-upgrade/no-volatile-default', line: 8, column: 5 },
      { ruleId: 'live-upgrade/require-lock-timeout', line: 8, column: 5 },
    ]);
  });

  test.each([
    'knex/001_create_orders.ts',
    'knex/002_add_orders_status.ts',
    'kysely/001_create_orders.ts',
    'kysely/002_add_orders_status.ts',
    'node-pg-migrate/001_create_orders.ts',
    'node-pg-migrate/002_add_orders_status.ts',
    'sql/001_create_orders.sql',
    'sql/002_add_orders_status.sql',
  ])('accepts %s', async (file) => {
    expect(await lintAsMigration(scenario, file)).toEqual([]);
  });

  test('reports even the constant default when the migrations must run on PostgreSQL 10', async () => {
    const settings = { 'live-upgrade': { postgresVersion: 10 } };
    expect(await lintAsMigration(scenario, 'sql/002_add_orders_status.sql', { settings })).toEqual([
      { ruleId: 'live-upgrade/no-volatile-default', line: 4, column: 1 },
    ]);
  });

  // It sees the ADD COLUMN in every tool's migration: without the SET LOCAL before it, it reports it.
  test.each([
    ['knex/002_add_orders_status.ts', 8, 5],
    ['kysely/002_add_orders_status.ts', 8, 6],
    ['node-pg-migrate/002_add_orders_status.ts', 6, 3],
    ['sql/002_add_orders_status.sql', 3, 1],
  ])('%s without its lock_timeout gets require-lock-timeout', async (file, line, column) => {
    const source = await withoutLine(scenario, file, 'SET LOCAL lock_timeout');
    expect(await lintAsMigration(scenario, file, { source })).toEqual([
      { ruleId: 'live-upgrade/require-lock-timeout', line, column },
    ]);
  });
});
