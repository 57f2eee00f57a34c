import { describe, expect, test } from 'vitest';
import { lintAsMigration, withoutLine } from '../../harness/lint.ts';

const scenario = new URL('./', import.meta.url);
const RULE = 'live-upgrade/no-new-enum-value-in-same-transaction';
const ADD_VALUE = '002_add_order_status_packed';
const kyselyWithoutTransactions = { kysely: { disableTransactions: true } };
// Before PostgreSQL 12, ALTER TYPE … ADD VALUE cannot run inside a transaction block at all.
const postgres11 = { postgresVersion: 11 };

describe('the recommended preset', () => {
  test('reports the unsafe/ migration where the CREATE VIEW uses the value added two lines above', async () => {
    expect(await lintAsMigration(scenario, `unsafe/${ADD_VALUE}.ts`)).toEqual([{ ruleId: RULE, line: 8, column: 19 }]);
  });

  test.each(
    ['knex', 'kysely', 'node-pg-migrate']
      .flatMap((tool) => ['001_create_orders', ADD_VALUE, '003_create_orders_to_ship_view'].map((step) => `${tool}/${step}.ts`))
      .concat(['sql/001_create_orders.sql', `sql/${ADD_VALUE}.sql`, 'sql/003_create_orders_to_ship_view.sql']),
  )('accepts %s', async (file) => {
    expect(await lintAsMigration(scenario, file, { settings: { 'live-upgrade': kyselyWithoutTransactions } })).toEqual([]);
  });

  describe('on PostgreSQL 11', () => {
    test.each([`knex/${ADD_VALUE}.ts`, `node-pg-migrate/${ADD_VALUE}.ts`, `sql/${ADD_VALUE}.sql`])(
      'accepts %s, which runs outside a transaction',
      async (file) => {
        expect(await lintAsMigration(scenario, file, { settings: { 'live-upgrade': postgres11 } })).toEqual([]);
      },
    );

    test.each([
      ['knex', 'export const config', 10, 19],
      ['node-pg-migrate', 'pgm.noTransaction()', 8, 3],
    ])('reports the %s migration without its transaction opt-out', async (tool, optOut, line, column) => {
      const file = `${tool}/${ADD_VALUE}.ts`;
      const source = await withoutLine(scenario, file, optOut);
      expect(await lintAsMigration(scenario, file, { source, settings: { 'live-upgrade': postgres11 } })).toEqual([
        { ruleId: RULE, line, column },
      ]);
    });

    test('reports the Kysely migration unless the setting says the Migrator runs without transactions', async () => {
      const file = `kysely/${ADD_VALUE}.ts`;
      expect(await lintAsMigration(scenario, file, { settings: { 'live-upgrade': postgres11 } })).toEqual([{ ruleId: RULE, line: 7, column: 13 }]);
      expect(await lintAsMigration(scenario, file, { settings: { 'live-upgrade': { ...postgres11, ...kyselyWithoutTransactions } } })).toEqual([]);
    });
  });
});
