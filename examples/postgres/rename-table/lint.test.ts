import { readFile } from 'node:fs/promises';
import { describe, expect, test } from 'vitest';
import { lintAsMigration, withoutLine } from '../../harness/lint.ts';

const scenario = new URL('./', import.meta.url);

describe('the recommended preset', () => {
  test('reports the rename in unsafe/, shipped without a view while release N still runs, on the renameTable call', async () => {
    expect(await lintAsMigration(scenario, 'unsafe/002_rename_customers_without_view.ts')).toEqual([
      { ruleId: 'live-upgrade/no-rename-table', line: 7, column: 21 },
      { ruleId: 'live-upgrade/require-lock-timeout', line: 7, column: 21 },
    ]);
  });

  test.each(
    ['knex', 'kysely', 'node-pg-migrate', 'sql'].flatMap((tool) =>
      ['001_create_customers', '002_rename_customers_to_clients', '003_drop_customers_view'].map(
        (step) => `${tool}/${step}.${tool === 'sql' ? 'sql' : 'ts'}`,
      ),
    ),
  )('accepts %s', async (file) => {
    expect(await lintAsMigration(scenario, file)).toEqual([]);
  });

  // The view created after the rename is what keeps each 002 quiet, not a blind spot.
  test.each([
    ['knex/002_rename_customers_to_clients.ts', 'createView', 7, 21],
    ['kysely/002_rename_customers_to_clients.ts', 'createView', 7, 43],
    ['node-pg-migrate/002_rename_customers_to_clients.ts', 'CREATE VIEW', 7, 3],
    ['sql/002_rename_customers_to_clients.sql', 'CREATE VIEW', 4, 1],
  ])('%s without its view gets no-rename-table', async (file, view, line, column) => {
    const source = await withoutLine(scenario, file, view);
    expect(await lintAsMigration(scenario, file, { source })).toEqual([{ ruleId: 'live-upgrade/no-rename-table', line, column }]);
  });

  test.each([
    ['knex/002_rename_customers_to_clients.ts', 6, 21],
    ['kysely/002_rename_customers_to_clients.ts', 6, 43],
    ['node-pg-migrate/002_rename_customers_to_clients.ts', 6, 3],
    ['sql/002_rename_customers_to_clients.sql', 3, 1],
  ])('%s without its lock_timeout gets require-lock-timeout', async (file, line, column) => {
    const source = await withoutLine(scenario, file, 'SET LOCAL lock_timeout');
    expect(await lintAsMigration(scenario, file, { source })).toEqual([{ ruleId: 'live-upgrade/require-lock-timeout', line, column }]);
  });

  test('node-pg-migrate: a view made with pgm.createView keeps the old name as well as pgm.sql does', async () => {
    const file = 'node-pg-migrate/002_rename_customers_to_clients.ts';
    const source = await readFile(new URL(file, scenario), 'utf8');
    const withBuilder = source.replace(
      "pgm.sql('CREATE VIEW customers AS SELECT * FROM clients');",
      "pgm.createView('customers', {}, 'SELECT * FROM clients');",
    );
    expect(withBuilder).not.toBe(source);
    expect(await lintAsMigration(scenario, file, { source: withBuilder })).toEqual([]);
    const withoutView = source.replace("pgm.sql('CREATE VIEW customers AS SELECT * FROM clients');", '');
    expect(await lintAsMigration(scenario, file, { source: withoutView })).toEqual([
      { ruleId: 'live-upgrade/no-rename-table', line: 7, column: 3 },
    ]);
  });
});
