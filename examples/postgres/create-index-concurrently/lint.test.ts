import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint, type Linter } from 'eslint';
import { describe, expect, test } from 'vitest';
import plugin from '../../../lint-rules/src/index.ts';

const scenario = fileURLToPath(new URL('./', import.meta.url));

/**
 * Lints one example file with the recommended preset as published. The preset's globs look for
 * migration folders (`migrations/`, …), so the file is linted as if it lived in one.
 */
async function lintAsMigration(file: string, settings: Linter.Config['settings'] = {}, source?: string) {
  const eslint = new ESLint({
    cwd: scenario,
    overrideConfigFile: true,
    overrideConfig: [...plugin.configs.recommended, { settings }],
  });
  const text = source ?? (await readFile(join(scenario, file), 'utf8'));
  const [result] = await eslint.lintText(text, { filePath: join(scenario, 'migrations', file) });
  return result.messages.map(({ ruleId, line, column }) => ({ ruleId, line, column }));
}

const kyselyWithoutTransactions = { 'live-upgrade': { kysely: { disableTransactions: true } } };

describe('the recommended preset', () => {
  test('reports the plain index build in unsafe/ on the table.index(…) call', async () => {
    expect(await lintAsMigration('unsafe/002_add_users_email_index.ts')).toEqual([
      { ruleId: 'live-upgrade/require-concurrent-index-creation', line: 8, column: 5 },
      { ruleId: 'live-upgrade/require-lock-timeout', line: 8, column: 5 },
    ]);
  });

  test.each([
    'knex/001_create_users.ts',
    'knex/002_add_users_email_index.ts',
    'kysely/001_create_users.ts',
    'kysely/002_add_users_email_index.ts',
    'sql/001_create_users.sql',
    'sql/002_add_users_email_index.sql',
  ])('accepts %s', async (file) => {
    expect(await lintAsMigration(file, kyselyWithoutTransactions)).toEqual([]);
  });

  test('reports both concurrent statements when the Kysely Migrator would wrap them in a transaction', async () => {
    expect(await lintAsMigration('kysely/002_add_users_email_index.ts')).toEqual([
      { ruleId: 'live-upgrade/no-concurrently-in-transaction', line: 6, column: 13 }, // up: CREATE INDEX
      { ruleId: 'live-upgrade/no-concurrently-in-transaction', line: 12, column: 13 }, // down: DROP INDEX
    ]);
  });

  test('reports both concurrent statements once the Knex migration no longer opts out of the transaction', async () => {
    const file = 'knex/002_add_users_email_index.ts';
    const source = await readFile(join(scenario, file), 'utf8');
    const withTransaction = source.replace('export const config = { transaction: false };', '');
    expect(withTransaction).not.toBe(source);
    expect(await lintAsMigration(file, {}, withTransaction)).toEqual([
      { ruleId: 'live-upgrade/no-concurrently-in-transaction', line: 9, column: 19 }, // up: CREATE INDEX
      { ruleId: 'live-upgrade/no-concurrently-in-transaction', line: 15, column: 19 }, // down: DROP INDEX
    ]);
  });
});
