import { readFile } from 'node:fs/promises';
import { describe, expect, test } from 'vitest';
import { lintAsMigration, withoutLine } from '../../harness/lint.ts';

const scenario = new URL('./', import.meta.url);
const TOOLS = ['knex', 'kysely', 'node-pg-migrate'];
const STEPS = ['001_create_customers_and_orders', '002_add_orders_customer_fk', '003_detach_orphan_orders', '004_validate_orders_customer_fk'];

/** The file with `from` replaced by `to` (once); throws if `from` is not in it. */
async function edited(file: string, from: string, to: string): Promise<string> {
  const source = await readFile(new URL(file, scenario), 'utf8');
  if (!source.includes(from)) throw new Error(`${file} has no ${from}`);
  return source.replace(from, to);
}

describe('the recommended preset', () => {
  test('reports the foreign key validated at once in unsafe/ on the table.foreign(…) call', async () => {
    expect(await lintAsMigration(scenario, 'unsafe/002_add_orders_customer_fk.ts')).toEqual([
      { ruleId: 'live-upgrade/require-lock-timeout', line: 9, column: 5 },
      { ruleId: 'live-upgrade/require-not-valid-foreign-key', line: 9, column: 5 },
    ]);
  });

  test.each([...TOOLS.flatMap((tool) => STEPS.map((step) => `${tool}/${step}.ts`)), ...STEPS.map((step) => `sql/${step}.sql`)])(
    'accepts %s',
    async (file) => {
      expect(await lintAsMigration(scenario, file)).toEqual([]);
    },
  );

  test.each([
    ['knex/002_add_orders_customer_fk.ts', 9, 6],
    ['kysely/002_add_orders_customer_fk.ts', 7, 13],
    ['node-pg-migrate/002_add_orders_customer_fk.ts', 7, 3],
    ['sql/002_add_orders_customer_fk.sql', 3, 1],
  ])('%s without its lock_timeout gets require-lock-timeout', async (file, line, column) => {
    const source = await withoutLine(scenario, file, 'SET LOCAL lock_timeout');
    expect(await lintAsMigration(scenario, file, { source })).toEqual([{ ruleId: 'live-upgrade/require-lock-timeout', line, column }]);
  });

  test.each([
    ['knex/002_add_orders_customer_fk.ts', 10, 6],
    ['kysely/002_add_orders_customer_fk.ts', 8, 13],
    ['node-pg-migrate/002_add_orders_customer_fk.ts', 8, 3],
    ['sql/002_add_orders_customer_fk.sql', 4, 1],
  ])('%s without NOT VALID gets require-not-valid-foreign-key', async (file, line, column) => {
    const source = await edited(file, ') NOT VALID', ')');
    expect(await lintAsMigration(scenario, file, { source })).toEqual([
      { ruleId: 'live-upgrade/require-not-valid-foreign-key', line, column },
    ]);
  });

  // Validating in the migration that added the key keeps its SHARE ROW EXCLUSIVE locks for the whole scan.
  test.each([
    ['knex/002_add_orders_customer_fk.ts', 'knex.raw', 12, 19],
    ['kysely/002_add_orders_customer_fk.ts', 'sql`…`.execute(db)', 9, 13],
    ['node-pg-migrate/002_add_orders_customer_fk.ts', 'pgm.sql', 9, 12],
  ])('%s with a VALIDATE through %s after the ADD gets no-validate-in-same-transaction', async (file, _call, line, column) => {
    const validate = 'ALTER TABLE orders VALIDATE CONSTRAINT orders_customer_id_fkey';
    const call = {
      knex: `  await knex.raw('${validate}');`,
      kysely: `  await sql\`${validate}\`.execute(db);`,
      'node-pg-migrate': `  pgm.sql('${validate}');`,
    }[file.split('/')[0]];
    const source = await edited(file, '\n}\n// #endregion up', `\n${call}\n}\n// #endregion up`);
    expect(await lintAsMigration(scenario, file, { source })).toEqual([
      { ruleId: 'live-upgrade/no-validate-in-same-transaction', line, column },
    ]);
  });
});
