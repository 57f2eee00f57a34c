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
async function lintAsMigration(file: string, settings: Linter.Config['settings'] = {}) {
  const eslint = new ESLint({
    cwd: scenario,
    overrideConfigFile: true,
    overrideConfig: [...plugin.configs.recommended, { settings }],
  });
  const text = await readFile(join(scenario, file), 'utf8');
  const [result] = await eslint.lintText(text, { filePath: join(scenario, 'migrations', file) });
  return result.messages.map(({ ruleId, line, column }) => ({ ruleId, line, column }));
}

const kyselyWithoutTransactions = { 'live-upgrade': { kysely: { disableTransactions: true } } };

describe('the recommended preset', () => {
  test('reports the ALTER TABLE without lock_timeout in unsafe/ on the column it adds', async () => {
    expect(await lintAsMigration('unsafe/002_add_orders_gift_message.ts')).toEqual([
      { ruleId: 'live-upgrade/require-lock-timeout', line: 8, column: 5 },
    ]);
  });

  test.each([
    'knex/001_create_orders.ts',
    'knex/002_add_orders_gift_message.ts',
    'kysely/001_create_orders.ts',
    'kysely/002_add_orders_gift_message.ts',
    'node-pg-migrate/001_create_orders.ts',
    'node-pg-migrate/002_add_orders_gift_message.ts',
    'sql/001_create_orders.sql',
    'sql/002_add_orders_gift_message.sql',
  ])('accepts %s', async (file) => {
    expect(await lintAsMigration(file, kyselyWithoutTransactions)).toEqual([]);
  });
});
