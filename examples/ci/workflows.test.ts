import { readFile } from 'node:fs/promises';
import { describe, expect, test } from 'vitest';

// No YAML parser is installed, so these checks read the structure from the indentation, which is
// what YAML nesting is. They catch a lost trigger, service or step, and a tab in the indentation.

async function workflow(name: string): Promise<string[]> {
  return (await readFile(new URL(name, import.meta.url), 'utf8')).split('\n');
}

const indentOf = (line: string) => line.length - line.trimStart().length;
const isContent = (line: string) => line.trim() !== '' && !line.trimStart().startsWith('#');

/** The lines nested under the first line that reads `key:` at `indent`, in the lines given. */
function block(lines: string[], key: string, indent = 0): string[] {
  const start = lines.findIndex((line) => indentOf(line) === indent && line.trim().startsWith(`${key}:`));
  if (start === -1) throw new Error(`no "${key}:" at indentation ${indent}`);
  const rest = lines.slice(start + 1);
  const end = rest.findIndex((line) => isContent(line) && indentOf(line) <= indent);
  return end === -1 ? rest : rest.slice(0, end);
}

/** The keys one level below, for a block whose first content line sets that level. */
function keysOf(lines: string[]): string[] {
  const level = Math.min(...lines.filter(isContent).map(indentOf));
  return lines.filter((line) => isContent(line) && indentOf(line) === level).map((line) => line.trim().split(':')[0]);
}

const runs = (lines: string[]) => lines.map((line) => /^\s*(?:- )?run: (.*)$/.exec(line)?.[1]).filter(Boolean);
const uses = (lines: string[]) => lines.map((line) => /^\s*- uses: (.*)$/.exec(line)?.[1]).filter(Boolean);

const actions = await workflow('github-actions.yml');
const codeScanning = await workflow('code-scanning.yml');

describe('github-actions.yml', () => {
  const lines = actions;
  const jobs = block(lines, 'jobs');

  test('indents with spaces only', () => {
    expect(lines.filter((line) => /^\s*\t/.test(line))).toEqual([]);
  });

  test('runs on pull requests and on a nightly schedule', () => {
    const on = block(lines, 'on');
    expect(keysOf(on)).toEqual(expect.arrayContaining(['pull_request', 'schedule']));
    const cron = block(on, 'schedule', 2).map((line) => /- cron: '([^']+)'/.exec(line)?.[1]).find(Boolean);
    expect(cron?.split(' ')).toHaveLength(5);
  });

  test.each(['test', 'upgrade'])('job %s has a Postgres service and a DATABASE_URL pointing at it', (name) => {
    const job = block(jobs, name, 2);
    const postgres = block(block(job, 'services', 4), 'postgres', 6);
    expect(postgres.find((line) => line.includes('image:'))).toMatch(/image: postgres:/);
    expect(postgres.join('\n')).toMatch(/--health-cmd pg_isready/);
    expect(block(job, 'env', 4).join('\n')).toMatch(/DATABASE_URL: postgresql:\/\/\S+@localhost:5432\//);
  });

  test('the test job lints with ESLint and runs npm test after npm ci', () => {
    const steps = runs(block(block(jobs, 'test', 2), 'steps', 4));
    expect(steps).toEqual(['npm ci', 'npx eslint --max-warnings 0 .', 'npm test']);
  });

  test('the upgrade job migrates with the earlier release, then with this one, and verifies', () => {
    const steps = block(block(jobs, 'upgrade', 2), 'steps', 4).map((line) => line.trim());
    const order = ['npm run upgrade:create', 'npm run migrate', 'npm run upgrade:verify'].map((command) =>
      steps.map((line, index) => (line.endsWith(command) ? index : -1)).filter((index) => index >= 0),
    );
    const [create, migrate, verify] = order;
    expect(create).toHaveLength(1);
    expect(migrate).toHaveLength(2);
    expect(verify).toHaveLength(2);
    expect(migrate[0]).toBeLessThan(create[0]); // N migrates, then creates resources
    expect(create[0]).toBeLessThan(migrate[1]); // then N+1 migrates the same database
    expect(migrate[1]).toBeLessThan(verify[0]);
  });
});

describe('code-scanning.yml', () => {
  const job = block(block(codeScanning, 'jobs'), 'eslint', 2);

  test('writes SARIF with the Microsoft formatter and uploads it, with the permission to upload', () => {
    expect(runs(job)).toContain('npx eslint . --format @microsoft/eslint-formatter-sarif --output-file eslint.sarif');
    expect(uses(job)).toContain('github/codeql-action/upload-sarif@v3');
    expect(block(job, 'permissions', 4).map((line) => line.trim())).toContain(
      'security-events: write # to upload the SARIF file',
    );
  });
});
