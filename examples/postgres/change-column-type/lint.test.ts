import { readFile } from 'node:fs/promises';
import { describe, expect, test } from 'vitest';
import { lintAsMigration, withoutLine } from '../../harness/lint.ts';

const scenario = new URL('./', import.meta.url);
// As in eslint.config.ts: this scenario's Kysely Migrator runs with disableTransactions.
const settings = { 'live-upgrade': { kysely: { disableTransactions: true } } };

const STEPS = [
  '001_create_uploads',
  '002_add_uploads_size_bytes_new',
  '003_backfill_uploads_size_bytes_new',
  '004_validate_uploads_size_bytes_new_check',
  '005_swap_uploads_size_bytes',
  '006_drop_uploads_size_bytes_old',
];

async function withoutDisableComments(file: string): Promise<string> {
  const source = await readFile(new URL(file, scenario), 'utf8');
  return source.split('\n').filter((line) => !line.includes('eslint-disable-next-line')).join('\n');
}

const rename = (line: number, column: number) => ({ ruleId: 'live-upgrade/no-rename-column', line, column });
const setNotNull = (line: number, column: number) => ({ ruleId: 'live-upgrade/no-direct-set-not-null', line, column });

describe('the recommended preset', () => {
  test('reports the in-place type change in unsafe/, which Knex also turns into DROP NOT NULL and SET NOT NULL', async () => {
    expect(await lintAsMigration(scenario, 'unsafe/002_alter_uploads_size_bytes_type.ts')).toEqual([
      { ruleId: 'live-upgrade/no-column-type-change', line: 8, column: 5 },
      { ruleId: 'live-upgrade/no-direct-set-not-null', line: 8, column: 5 },
      { ruleId: 'live-upgrade/no-lossy-change-column', line: 8, column: 5 },
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

  // Each rule sees one migration at a time: it cannot tell that the renames swap two columns, or see
  // the CHECK that 004 validated. The disable comments say why the statement is safe here.
  test.each([
    ['knex/005_swap_uploads_size_bytes.ts', [rename(11, 5), rename(14, 5), setNotNull(19, 5)]],
    ['node-pg-migrate/005_swap_uploads_size_bytes.ts', [rename(10, 3), rename(11, 3), setNotNull(14, 3)]],
    ['sql/005_swap_uploads_size_bytes.sql', [rename(7, 1), rename(8, 1), setNotNull(11, 1)]],
  ])('%s without its disable comments gets no-rename-column twice and no-direct-set-not-null', async (file, reports) => {
    expect(await lintAsMigration(scenario, file, { settings, source: await withoutDisableComments(file) })).toEqual(reports);
  });

  test.each([
    ['knex/006_drop_uploads_size_bytes_old.ts', 8, 5],
    ['node-pg-migrate/006_drop_uploads_size_bytes_old.ts', 7, 3],
    ['sql/006_drop_uploads_size_bytes_old.sql', 4, 1],
  ])('%s without its disable comment gets no-drop-column', async (file, line, column) => {
    const source = await withoutDisableComments(file);
    expect(await lintAsMigration(scenario, file, { settings, source })).toEqual([{ ruleId: 'live-upgrade/no-drop-column', line, column }]);
  });

  test.each([
    ['knex/002_add_uploads_size_bytes_new.ts', 11, 19],
    ['node-pg-migrate/002_add_uploads_size_bytes_new.ts', 9, 3],
    ['sql/002_add_uploads_size_bytes_new.sql', 5, 1],
  ])('%s without NOT VALID gets require-not-valid-check', async (file, line, column) => {
    const source = await readFile(new URL(file, scenario), 'utf8');
    const validated = source.replace(') NOT VALID', ')');
    expect(validated).not.toBe(source);
    expect(await lintAsMigration(scenario, file, { settings, source: validated })).toEqual([
      { ruleId: 'live-upgrade/require-not-valid-check', line, column },
    ]);
  });

  test.each([
    // The ALTER TABLE statements and CREATE TRIGGER (SHARE ROW EXCLUSIVE).
    ['knex/002_add_uploads_size_bytes_new.ts', [[8, 5], [10, 19], [19, 5]]],
    ['node-pg-migrate/002_add_uploads_size_bytes_new.ts', [[7, 3], [8, 3], [14, 3]]],
    ['sql/002_add_uploads_size_bytes_new.sql', [[4, 1], [13, 1]]],
    // DROP TRIGGER (ACCESS EXCLUSIVE) and the ALTER TABLE statements.
    ['knex/005_swap_uploads_size_bytes.ts', [[7, 19], [11, 5], [15, 5], [19, 5], [21, 5], [22, 5]]],
    ['node-pg-migrate/005_swap_uploads_size_bytes.ts', [[7, 3], [10, 3], [12, 3], [14, 3], [16, 3], [17, 3]]],
    ['sql/005_swap_uploads_size_bytes.sql', [[4, 1], [7, 1], [9, 1], [11, 1], [13, 1], [14, 1]]],
  ])('%s without its lock_timeout gets require-lock-timeout on each statement that locks uploads', async (file, positions) => {
    const source = await withoutLine(scenario, file, 'SET LOCAL lock_timeout');
    expect(await lintAsMigration(scenario, file, { settings, source })).toEqual(
      positions.map(([line, column]) => ({ ruleId: 'live-upgrade/require-lock-timeout', line, column })),
    );
  });
});
