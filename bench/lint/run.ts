// Lint benchmark: prints how much the plugin adds to an ESLint run, and how it compares with squawk on SQL.
// Not a test: timings depend on the machine; the ratios are measured in one run, side by side.
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import tsParser from '@typescript-eslint/parser';
import { ESLint, type Linter } from 'eslint';
import plugin from '../../lint-rules/src/index.ts';
import { generateCorpus } from './corpus.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const corpusDir = join(root, 'bench/.corpus');
const RUNS = 3;
const SQUAWK_VERSION = '2.66.0';

function writeCorpus(count: number) {
  rmSync(corpusDir, { recursive: true, force: true });
  const files = generateCorpus(count);
  for (const file of files) {
    const path = join(corpusDir, file.path);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, file.text);
  }
  return files;
}

/**
 * squawk-cli from the npm registry, installed once into bench/.squawk (not a project dependency: its
 * per-platform binaries cannot all be locked, which `npm ci` refuses).
 */
function installSquawk(): string {
  const prefix = join(root, 'bench/.squawk');
  execFileSync('npm', ['install', '--prefix', prefix, '--no-save', '--no-audit', '--no-fund', `squawk-cli@${SQUAWK_VERSION}`], { stdio: 'inherit' });
  return join(prefix, 'node_modules/.bin/squawk');
}

/** Median wall time of `RUNS` runs, in milliseconds. */
async function median(run: () => Promise<unknown> | unknown): Promise<number> {
  await run(); // warm-up: module loading and JIT are not what is compared
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    await run();
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b)[Math.floor(RUNS / 2)]!;
}

async function eslintRun(config: Linter.Config[], pattern: string) {
  const eslint = new ESLint({ cwd: corpusDir, overrideConfigFile: true, overrideConfig: config, cache: false });
  const results = await eslint.lintFiles([pattern]);
  return results.reduce((sum, result) => sum + result.messages.length, 0);
}

const files = writeCorpus(1000);
const tsParserOnly: Linter.Config[] = [{ files: ['**/*.ts'], languageOptions: { parser: tsParser } }];
const squawk = installSquawk();
const sqlFiles = files.filter((file) => file.path.endsWith('.sql')).map((file) => join(corpusDir, file.path));

const reports = {
  plugin: await eslintRun(plugin.configs.recommended, 'ts'),
  pluginSql: await eslintRun(plugin.configs.recommended, 'sql'),
};
const a = await median(() => eslintRun(tsParserOnly, 'ts'));
const b = await median(() => eslintRun(plugin.configs.recommended, 'ts'));
const c = await median(() => {
  try {
    execFileSync(squawk, sqlFiles, { stdio: 'ignore' });
  } catch {
    // squawk exits 1 when it reports violations, which the corpus has on purpose
  }
});
const d = await median(() => eslintRun(plugin.configs.recommended, 'sql'));

const format = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
console.log(`corpus: ${files.length} files (${files.length - sqlFiles.length} TS migrations across Knex, Kysely, node-pg-migrate; ${sqlFiles.length} .sql with the same operations)`);
console.log(`median of ${RUNS} runs after a warm-up, in one process (squawk as its own process per run)`);
console.log(`(a) ESLint + TypeScript parser, no rules      ${format(a)}`);
console.log(`(b) ESLint + TypeScript parser + recommended  ${format(b)}   ${reports.plugin} reports`);
console.log(`(c) squawk-cli on the .sql files              ${format(c)}`);
console.log(`(d) live-upgrade recommended on the .sql files ${format(d)}   ${reports.pluginSql} reports`);
console.log(`(b)/(a) = ${(b / a).toFixed(2)} (target <= 1.5)`);
console.log(`(d)/(c) = ${(d / c).toFixed(2)} (target <= 2)`);
