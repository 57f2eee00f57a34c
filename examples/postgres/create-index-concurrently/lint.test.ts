import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { ESLint, type Linter } from 'eslint';
import { describe, expect, test } from 'vitest';
import plugin from '../../../lint-rules/src/index.ts';

const scenario = fileURLToPath(new URL('./', import.meta.url));

/** The recommended preset as published, aimed at this folder (its globs expect a migrations/ folder). */
function recommendedHere(settings: Linter.Config['settings'] = {}): Linter.Config[] {
  return [...plugin.configs.recommended.map((config) => ({ ...config, files: ['**/*.ts'] })), { settings }];
}

async function lint(pattern: string, config = recommendedHere()) {
  const eslint = new ESLint({ cwd: scenario, overrideConfigFile: true, overrideConfig: config });
  return summarise(await eslint.lintFiles([pattern]));
}

function summarise(results: ESLint.LintResult[]) {
  return results.flatMap((result) =>
    result.messages.map(({ ruleId, line, column }) => ({ file: result.filePath.slice(scenario.length), ruleId, line, column })),
  );
}

describe('the recommended preset', () => {
  test('reports the plain index build in unsafe/', async () => {
    expect(await lint('unsafe/*.ts')).toEqual([
      { file: 'unsafe/002_add_users_email_index.ts', ruleId: 'live-upgrade/require-concurrent-index-creation', line: 8, column: 5 },
      { file: 'unsafe/002_add_users_email_index.ts', ruleId: 'live-upgrade/require-lock-timeout', line: 8, column: 5 },
    ]);
  });

  test('accepts the Knex migrations', async () => {
    expect(await lint('knex/*.ts')).toEqual([]);
  });

  test('accepts the Kysely migrations when told the Migrator disables transactions', async () => {
    const settings = { 'live-upgrade': { kysely: { disableTransactions: true } } };
    expect(await lint('kysely/*.ts', recommendedHere(settings))).toEqual([]);
  });

  test('reports both concurrent statements when the Kysely Migrator would wrap them in a transaction', async () => {
    const file = 'kysely/002_add_users_email_index.ts';
    expect(await lint(file)).toEqual([
      { file, ruleId: 'live-upgrade/no-concurrently-in-transaction', line: 6, column: 13 }, // up: CREATE INDEX
      { file, ruleId: 'live-upgrade/no-concurrently-in-transaction', line: 12, column: 13 }, // down: DROP INDEX
    ]);
  });

  test('reports both concurrent statements once the Knex migration no longer opts out of the transaction', async () => {
    const file = 'knex/002_add_users_email_index.ts';
    const source = await readFile(new URL(file, import.meta.url), 'utf8');
    const withTransaction = source.replace('export const config = { transaction: false };', '');
    expect(withTransaction).not.toBe(source);
    const eslint = new ESLint({ cwd: scenario, overrideConfigFile: true, overrideConfig: recommendedHere() });
    const results = await eslint.lintText(withTransaction, { filePath: `${scenario}${file}` });
    expect(summarise(results)).toEqual([
      { file, ruleId: 'live-upgrade/no-concurrently-in-transaction', line: 9, column: 19 }, // up: CREATE INDEX
      { file, ruleId: 'live-upgrade/no-concurrently-in-transaction', line: 15, column: 19 }, // down: DROP INDEX
    ]);
  });
});
