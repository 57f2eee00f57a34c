import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint, type Linter } from 'eslint';
import { describe, expect, test } from 'vitest';
import customFolders from './custom-folders.ts';
import recommended from './recommended.ts';
import {
  kyselyWithoutTransactions,
  lockTimeoutOnConnection,
  prismaSplitsStatements,
  typeormEachInItsOwnTransaction,
} from './settings.ts';

const here = fileURLToPath(new URL('./', import.meta.url));
const examples = new URL('../', import.meta.url);

/** Lints `text` with `config` as the file `filePath` of a project rooted here (the file need not exist). */
async function lint(config: Linter.Config[], filePath: string, text: string) {
  const eslint = new ESLint({ cwd: here, overrideConfigFile: true, overrideConfig: config });
  const [result] = await eslint.lintText(text, { filePath: join(here, filePath) });
  return result.messages.map(({ ruleId, line }) => ({ ruleId, line }));
}

const example = (path: string) => readFile(new URL(path, examples), 'utf8');

// A Knex migration that builds an index with a plain CREATE INDEX inside Knex's transaction.
const plainIndexBuild = await example('postgres/create-index-concurrently/unsafe/002_add_users_email_index.ts');
// A Kysely migration that builds and drops an index CONCURRENTLY.
const concurrentKysely = await example('postgres/create-index-concurrently/kysely/002_add_users_email_index.ts');

describe('recommended.ts', () => {
  test('reports a plain index build in a migrations folder, with the rule ids of the preset', async () => {
    expect(await lint(recommended, 'migrations/002_add_users_email_index.ts', plainIndexBuild)).toEqual([
      { ruleId: 'live-upgrade/require-concurrent-index-creation', line: 8 },
      { ruleId: 'live-upgrade/require-lock-timeout', line: 8 },
    ]);
  });

  test('turns on only rules of the plugin, and sets the Postgres version', async () => {
    const eslint = new ESLint({ cwd: here, overrideConfigFile: true, overrideConfig: recommended });
    const config: Linter.Config = await eslint.calculateConfigForFile(join(here, 'migrations/001.ts'));
    // Computed configs hold every rule as [severity, ...options] with a numeric severity.
    const enabled = Object.entries(config.rules ?? {}).filter(([, entry]) => (entry as [number])[0] > 0);
    expect(enabled.length).toBeGreaterThan(0);
    expect(enabled.map(([id]) => id).filter((id) => !id.startsWith('live-upgrade/'))).toEqual([]);
    expect(config.settings?.['live-upgrade']).toEqual({ postgresVersion: 15 });
  });
});

describe('custom-folders.ts', () => {
  const pluginReports = async (file: string, text: string) =>
    (await lint(customFolders, file, text)).filter(({ ruleId }) => ruleId?.startsWith('live-upgrade/'));

  test('lints scripts and .sql files in database/changes, and no longer the default folders', async () => {
    const plainSqlBuild = 'CREATE INDEX users_email_idx ON users (email);\n';
    expect(await pluginReports('database/changes/002_add_users_email_index.ts', plainIndexBuild)).toEqual([
      { ruleId: 'live-upgrade/require-concurrent-index-creation', line: 8 },
      { ruleId: 'live-upgrade/require-lock-timeout', line: 8 },
    ]);
    expect(await pluginReports('database/changes/002_add_users_email_index.sql', plainSqlBuild)).toEqual([
      { ruleId: 'live-upgrade/require-concurrent-index-creation', line: 1 },
      { ruleId: 'live-upgrade/require-lock-timeout', line: 1 },
    ]);
    expect(await pluginReports('migrations/002_add_users_email_index.ts', plainIndexBuild)).toEqual([]);
  });
});

describe('settings.ts', () => {
  test("lockTimeout: 'connection' leaves the index report and drops the lock_timeout one", async () => {
    const config = [...recommended, lockTimeoutOnConnection];
    expect(await lint(config, 'db/migrations/002_add_users_email_index.ts', plainIndexBuild)).toEqual([
      { ruleId: 'live-upgrade/require-concurrent-index-creation', line: 8 },
    ]);
    // The setting is limited to db/migrations: elsewhere both reports stay.
    expect(await lint(config, 'migrations/002_add_users_email_index.ts', plainIndexBuild)).toHaveLength(2);
  });

  test('kysely.disableTransactions tells the linter that CONCURRENTLY can run', async () => {
    const file = 'src/db/migrations/002_add_users_email_index.ts';
    expect(await lint(recommended, file, concurrentKysely)).toEqual([
      { ruleId: 'live-upgrade/no-concurrently-in-transaction', line: 6 },
      { ruleId: 'live-upgrade/no-concurrently-in-transaction', line: 12 },
    ]);
    expect(await lint([...recommended, kyselyWithoutTransactions], file, concurrentKysely)).toEqual([]);
  });

  test("typeorm.migrationsTransactionMode: 'each' lets a migration with transaction = false run CONCURRENTLY", async () => {
    const name = '1717200000000-AddUsersEmailIndex.ts';
    const source = await readFile(join(here, 'typeorm', name), 'utf8');
    const file = `src/migrations/${name}`;
    const line = (text: string) => source.split('\n').findIndex((code) => code.includes(text)) + 1;
    expect(await lint(recommended, file, source)).toEqual([
      { ruleId: 'live-upgrade/no-concurrently-in-transaction', line: line('CREATE INDEX CONCURRENTLY') },
      { ruleId: 'live-upgrade/no-concurrently-in-transaction', line: line('DROP INDEX CONCURRENTLY') },
    ]);
    expect(await lint([...recommended, typeormEachInItsOwnTransaction], file, source)).toEqual([]);
  });

  test("prisma.engine: 'split' allows several CONCURRENTLY statements in one migration.sql", async () => {
    const file = 'prisma/migrations/20240601000000_add_indexes/migration.sql';
    const sql = [
      'CREATE INDEX CONCURRENTLY "User_email_idx" ON "User"("email");',
      'CREATE INDEX CONCURRENTLY "User_name_idx" ON "User"("name");',
    ].join('\n');
    expect(await lint(recommended, file, sql)).toEqual([
      { ruleId: 'live-upgrade/no-concurrently-in-transaction', line: 1 },
      { ruleId: 'live-upgrade/no-concurrently-in-transaction', line: 2 },
    ]);
    expect(await lint([...recommended, prismaSplitsStatements], file, sql)).toEqual([]);
  });
});

describe('disabling a rule with a reason', () => {
  test.each([
    'migrations/20240601000000_drop_users_nickname.ts',
    'sql/20240601000000_drop_users_nickname.sql',
  ])('%s passes, and reports the drop without its directive', async (path) => {
    const source = await readFile(join(here, path), 'utf8');
    const file = `migrations/${path.split('/')[1]}`; // linted as if it lived in a migrations folder
    expect(await lint(recommended, file, source)).toEqual([]);

    const lines = source.split('\n');
    const directive = lines.findIndex((line) => line.includes('eslint-disable-next-line live-upgrade/no-drop-column --'));
    expect(directive).toBeGreaterThanOrEqual(0);
    lines.splice(directive, 1);
    expect(await lint(recommended, file, lines.join('\n'))).toEqual([
      { ruleId: 'live-upgrade/no-drop-column', line: directive + 1 },
    ]);
  });
});
