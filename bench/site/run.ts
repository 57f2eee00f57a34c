// `npm run bench:site`: builds the site (timed), serves it on 127.0.0.1 and runs Lighthouse three
// times on a home, rule and recipe page. Prints every run, the medians and the JavaScript each page
// transfers; exits non-zero when a median score is under its budget.
// `--no-build` measures the existing build instead (CI builds once, before the browser tests);
// SITE_BUILD_DIR names another output folder than build/. Every report is kept in .artifacts/lighthouse.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { serveBuild } from '../../tests/e2e/site.ts';
import { CATEGORIES, lighthouse, type Category, type Run } from './lighthouse.ts';

const BUILD_DIR = process.env.SITE_BUILD_DIR ?? 'build';
const REPORT_DIR = '.artifacts/lighthouse';
const RUNS = 3;
const BUDGET: Record<Category, number> = { performance: 95, accessibility: 95, 'best-practices': 95 };
// Lighthouse warns that a host under this benchmarkIndex is too slow for its default 4x CPU slowdown
// (SLOW_CPU_BENCHMARK_INDEX_THRESHOLD); on a shared machine that means other work was running.
const SLOW_HOST_INDEX = 1000;
const PAGES = {
  home: '/',
  rule: '/rules/require-concurrent-index-creation',
  recipe: '/docs/migrations/operations/create-index-concurrently',
};

function timedBuild(): number {
  const start = performance.now();
  const build = spawnSync('npx', ['docusaurus', 'build', '--out-dir', BUILD_DIR], { stdio: 'inherit' });
  if (build.status !== 0) throw new Error(`docusaurus build failed (exit ${build.status})`);
  return (performance.now() - start) / 1000;
}

function median(values: number[]): number {
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
}

const kib = (bytes: number) => `${(bytes / 1024).toFixed(0)} KiB`;
const pad = (text: string | number, width: number) => String(text).padEnd(width);

function row(page: string, label: string, scores: Record<Category, number>, scriptBytes: number, note = ''): string {
  return [pad(page, 7), pad(label, 7), ...CATEGORIES.map((category) => pad(scores[category], 15)), pad(kib(scriptBytes), 10), note].join('');
}

const buildSeconds = process.argv.includes('--no-build') ? undefined : timedBuild();
const server = await serveBuild(BUILD_DIR);
const runs: Record<string, Run[]> = Object.fromEntries(Object.keys(PAGES).map((page) => [page, []]));
const failures: string[] = [];
mkdirSync(REPORT_DIR, { recursive: true });
try {
  console.log(`\nLighthouse (mobile, simulated throttling, default 4x CPU slowdown), ${RUNS} runs per page`);
  console.log(`${pad('page', 7)}${pad('run', 7)}${CATEGORIES.map((category) => pad(category, 15)).join('')}${pad('JS', 10)}machine`);
  // Runs alternate between pages, so a burst of load on the machine does not hit one page only.
  for (let index = 1; index <= RUNS; index++) {
    for (const [page, path] of Object.entries(PAGES)) {
      const load = loadavg()[0]!.toFixed(1);
      const run = await lighthouse(`${server.origin}${path}`);
      runs[page]!.push(run);
      writeFileSync(`${REPORT_DIR}/${page}-${index}.json`, run.report);
      const slow = run.benchmarkIndex < SLOW_HOST_INDEX ? ' (slow host: performance understated)' : '';
      console.log(row(page, String(index), run.scores, run.scriptBytes, `benchmarkIndex ${run.benchmarkIndex}, load ${load}${slow}`));
    }
  }
  console.log('\nMedians (budget: every score >= 95)');
  for (const [page, path] of Object.entries(PAGES)) {
    const pageRuns = runs[page]!;
    const scores = Object.fromEntries(
      CATEGORIES.map((category) => [category, median(pageRuns.map((run) => run.scores[category]))]),
    ) as Record<Category, number>;
    console.log(row(page, 'median', scores, median(pageRuns.map((run) => run.scriptBytes)), path));
    for (const category of CATEGORIES) {
      if (scores[category] < BUDGET[category]) failures.push(`${path}: ${category} ${scores[category]} < ${BUDGET[category]}`);
    }
  }
} finally {
  await server.close();
}
console.log(buildSeconds === undefined ? '\nBuild: not timed (--no-build)' : `\nBuild: docusaurus build took ${buildSeconds.toFixed(1)} s`);
if (failures.length > 0) {
  console.error(`Under budget:\n${failures.join('\n')}`);
  process.exitCode = 1;
}
