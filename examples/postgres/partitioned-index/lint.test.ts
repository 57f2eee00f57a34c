import { readFile } from 'node:fs/promises';
import { describe, expect, test } from 'vitest';
import { lintAsMigration, withoutLine } from '../../harness/lint.ts';

const scenario = new URL('./', import.meta.url);
const STEPS = [
  '001_create_measurements',
  '002_create_measurements_device_idx_on_parent',
  '003_create_measurements_2024_device_idx',
  '004_attach_measurements_2024_device_idx',
  '005_create_measurements_2025_device_idx',
  '006_attach_measurements_2025_device_idx',
];
// What the eslint.config.ts of a project using this scenario's Kysely Migrator says.
const kyselyWithoutTransactions = { 'live-upgrade': { kysely: { disableTransactions: true } } };

describe('the recommended preset', () => {
  test('reports the index built on the partitioned table in unsafe/ on the table.index(…) call', async () => {
    expect(await lintAsMigration(scenario, 'unsafe/002_create_measurements_device_idx.ts')).toEqual([
      { ruleId: 'live-upgrade/require-concurrent-index-creation', line: 9, column: 5 },
      { ruleId: 'live-upgrade/require-lock-timeout', line: 9, column: 5 },
    ]);
  });

  // Linted alone, the file does not say that measurements is partitioned: the setting does.
  test('reports CREATE INDEX CONCURRENTLY on the parent once settings name measurements as partitioned', async () => {
    const file = 'unsafe/002_create_measurements_device_idx_concurrently.ts';
    expect(await lintAsMigration(scenario, file)).toEqual([]);
    const settings = { 'live-upgrade': { partitionedTables: ['measurements'] } };
    expect(await lintAsMigration(scenario, file, { settings })).toEqual([
      { ruleId: 'live-upgrade/no-concurrent-index-on-partitioned-table', line: 8, column: 19 },
    ]);
  });

  test.each([
    ...['knex', 'kysely', 'node-pg-migrate'].flatMap((tool) => STEPS.map((step) => `${tool}/${step}.ts`)),
    ...STEPS.map((step) => `sql/${step}.sql`),
  ])('accepts %s', async (file) => {
    expect(await lintAsMigration(scenario, file, { settings: kyselyWithoutTransactions })).toEqual([]);
  });

  test.each([
    ['knex/002_create_measurements_device_idx_on_parent.ts', 7, 19],
    ['kysely/002_create_measurements_device_idx_on_parent.ts', 8, 15],
    ['node-pg-migrate/002_create_measurements_device_idx_on_parent.ts', 7, 12],
    ['sql/002_create_measurements_device_idx_on_parent.sql', 3, 1],
  ])('%s without its lock_timeout gets require-lock-timeout', async (file, line, column) => {
    const source = await withoutLine(scenario, file, 'SET LOCAL lock_timeout');
    expect(await lintAsMigration(scenario, file, { source, settings: kyselyWithoutTransactions })).toEqual([
      { ruleId: 'live-upgrade/require-lock-timeout', line, column },
    ]);
  });

  test('knex/003 without its config = { transaction: false } gets no-concurrently-in-transaction in up and down', async () => {
    const file = 'knex/003_create_measurements_2024_device_idx.ts';
    const source = await withoutLine(scenario, file, 'export const config');
    expect(await lintAsMigration(scenario, file, { source })).toEqual([
      { ruleId: 'live-upgrade/no-concurrently-in-transaction', line: 9, column: 19 },
      { ruleId: 'live-upgrade/no-concurrently-in-transaction', line: 14, column: 19 },
    ]);
  });

  test('kysely/003 gets no-concurrently-in-transaction when the Migrator would wrap it in a transaction', async () => {
    expect(await lintAsMigration(scenario, 'kysely/003_create_measurements_2024_device_idx.ts')).toEqual([
      { ruleId: 'live-upgrade/no-concurrently-in-transaction', line: 7, column: 13 },
      { ruleId: 'live-upgrade/no-concurrently-in-transaction', line: 12, column: 13 },
    ]);
  });

  test('node-pg-migrate/003 without pgm.noTransaction() gets no-concurrently-in-transaction in up and down', async () => {
    const file = 'node-pg-migrate/003_create_measurements_2024_device_idx.ts';
    const source = (await readFile(new URL(file, scenario), 'utf8')).replaceAll('  pgm.noTransaction();\n', '');
    expect(await lintAsMigration(scenario, file, { source })).toEqual([
      { ruleId: 'live-upgrade/no-concurrently-in-transaction', line: 7, column: 3 },
      { ruleId: 'live-upgrade/no-concurrently-in-transaction', line: 12, column: 3 },
    ]);
  });
});
