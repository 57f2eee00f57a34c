import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { malformedSql, migrationAround, ODD_MODULES, random } from './generated-input.ts';
import { lintAll } from './lint-everything.ts';

const PACKAGES = ['knex', 'kysely', 'typeorm', 'sequelize', 'node-pg-migrate'];

function* packageSources(name: string) {
  const root = fileURLToPath(new URL(`../../../node_modules/${name}/`, import.meta.url));
  for (const entry of readdirSync(root, { recursive: true, encoding: 'utf8' })) {
    if (entry.split(/[\\/]/).includes('node_modules') || !/\.(c|m)?(j|t)s$/.test(entry)) continue;
    const path = join(root, entry);
    // ESLint skips node_modules: lint each file under a name of its own.
    yield { filename: join('package-sources', name, entry), code: readFileSync(path, 'utf8') };
  }
}

describe('every rule, on code it was not written for', () => {
  it.each(PACKAGES)('lints every source file of %s without an exception', (name) => {
    const files = [...packageSources(name)];
    const outcome = lintAll(files);
    expect(outcome.crashes).toEqual([]);
    expect(outcome.linted).toBe(files.length);
  }, 300_000);

  it('lints 2,000 generated migrations with malformed SQL without an exception', () => {
    const next = random(20_241_125);
    const files = Array.from({ length: 2000 }, (_, index) => ({
      filename: `migrations/${String(index).padStart(4, '0')}_generated.ts`,
      code: migrationAround(malformedSql(next), next),
    }));
    const outcome = lintAll(files);
    expect(outcome.crashes).toEqual([]);
    expect(outcome.linted).toBe(files.length);
    // The generated SQL is broken on purpose: the plugin must have said so, not stayed silent.
    expect(outcome.messages).toBeGreaterThan(files.length);
  }, 300_000);

  it('lints odd modules, unterminated templates and huge files without an exception', () => {
    const files = [
      ...ODD_MODULES.map((code, index) => ({ filename: `migrations/odd_${index}.ts`, code })),
      { filename: 'migrations/unterminated.ts', code: 'export async function up(knex) { await knex.raw(`ALTER TABLE t ${' },
      { filename: 'migrations/empty.ts', code: '' },
    ];
    const outcome = lintAll(files);
    expect(outcome.crashes).toEqual([]);
    expect(outcome.unparsable).toBe(1);
  }, 120_000);
});
