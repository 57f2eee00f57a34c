import { readFile } from 'node:fs/promises';
import { describe, expect, test } from 'vitest';
import { lintAsMigration, withoutLine } from '../../harness/lint.ts';

const scenario = new URL('./', import.meta.url);
const TOOLS = ['knex', 'kysely', 'node-pg-migrate'];
const STEPS = ['001_create_products', '002_add_products_discount_check', '003_cap_products_discount', '004_validate_products_discount_check'];

describe('the recommended preset', () => {
  test('reports the CHECK validated at once in unsafe/ on the table.check(…) call', async () => {
    expect(await lintAsMigration(scenario, 'unsafe/002_add_products_discount_check.ts')).toEqual([
      { ruleId: 'live-upgrade/require-lock-timeout', line: 9, column: 5 },
      { ruleId: 'live-upgrade/require-not-valid-check', line: 9, column: 5 },
    ]);
  });

  test.each([...TOOLS.flatMap((tool) => STEPS.map((step) => `${tool}/${step}.ts`)), ...STEPS.map((step) => `sql/${step}.sql`)])(
    'accepts %s',
    async (file) => {
      expect(await lintAsMigration(scenario, file)).toEqual([]);
    },
  );

  test.each([
    ['knex/002_add_products_discount_check.ts', 8, 19],
    ['kysely/002_add_products_discount_check.ts', 8, 13],
    ['node-pg-migrate/002_add_products_discount_check.ts', 8, 3],
    ['sql/002_add_products_discount_check.sql', 4, 1],
  ])('%s without NOT VALID gets require-not-valid-check', async (file, line, column) => {
    const source = await readFile(new URL(file, scenario), 'utf8');
    const validated = source.replace(') NOT VALID', ')');
    expect(validated).not.toBe(source);
    expect(await lintAsMigration(scenario, file, { source: validated })).toEqual([{ ruleId: 'live-upgrade/require-not-valid-check', line, column }]);
  });

  test.each([
    ['knex/002_add_products_discount_check.ts', 7, 19],
    ['kysely/002_add_products_discount_check.ts', 7, 13],
    ['node-pg-migrate/002_add_products_discount_check.ts', 7, 3],
    ['sql/002_add_products_discount_check.sql', 3, 1],
  ])('%s without its lock_timeout gets require-lock-timeout', async (file, line, column) => {
    const source = await withoutLine(scenario, file, 'SET LOCAL lock_timeout');
    expect(await lintAsMigration(scenario, file, { source })).toEqual([{ ruleId: 'live-upgrade/require-lock-timeout', line, column }]);
  });
});
