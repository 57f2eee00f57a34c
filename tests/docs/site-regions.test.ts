import { describe, expect, it } from 'vitest';
import { extractRegion, languageOf, RegionError } from '../../src/components/regions';

const migration = [
  "import type { Knex } from 'knex';",
  '',
  '// #region up',
  'export async function up(knex: Knex): Promise<void> {',
  '  // #region create-index',
  "  await knex.raw('CREATE INDEX CONCURRENTLY users_email_idx ON users (email)');",
  '  // #endregion create-index',
  '}',
  '// #endregion up',
  '',
  'export const config = { transaction: false };',
].join('\n');

describe('extractRegion', () => {
  it('returns the region without its markers or the markers of nested regions', () => {
    expect(extractRegion(migration, 'knex/001.ts', 'up')).toBe(
      [
        'export async function up(knex: Knex): Promise<void> {',
        "  await knex.raw('CREATE INDEX CONCURRENTLY users_email_idx ON users (email)');",
        '}',
      ].join('\n'),
    );
  });

  it('dedents a nested region', () => {
    expect(extractRegion(migration, 'knex/001.ts', 'create-index')).toBe(
      "await knex.raw('CREATE INDEX CONCURRENTLY users_email_idx ON users (email)');",
    );
  });

  it('returns the whole file without any marker when no region is asked for', () => {
    const whole = extractRegion(migration, 'knex/001.ts');
    expect(whole).not.toMatch(/#(end)?region/);
    expect(whole.split('\n')).toHaveLength(migration.split('\n').length - 4);
    expect(whole).toContain('export const config = { transaction: false };');
  });

  it('reads `-- #region` markers in SQL files and leaves `//` lines alone there', () => {
    const sql = [
      "SET lock_timeout = '2s';",
      '-- #region add-column',
      '    ALTER TABLE users',
      '      ADD COLUMN nickname text;',
      '-- #endregion add-column',
      '-- // #region not-a-marker',
    ].join('\n');
    expect(extractRegion(sql, 'add-column.sql', 'add-column')).toBe('ALTER TABLE users\n  ADD COLUMN nickname text;');
    expect(extractRegion(sql, 'add-column.sql')).toContain('-- // #region not-a-marker');
  });

  it('reads `# #region` markers in YAML files', () => {
    const yaml = ['on:', '  # #region triggers', '  pull_request:', '  # #endregion triggers', 'jobs: {}'].join('\n');
    expect(extractRegion(yaml, 'ci/workflow.yml', 'triggers')).toBe('pull_request:');
    expect(extractRegion(yaml, 'ci/workflow.yml')).toBe('on:\n  pull_request:\njobs: {}');
  });

  it('does not treat `-- #region` as a marker in a TypeScript file', () => {
    const ts = ['// #region sql', 'const ddl = `', '-- #region inner', '`;', '// #endregion sql'].join('\n');
    expect(extractRegion(ts, 'raw.ts', 'sql')).toBe('const ddl = `\n-- #region inner\n`;');
  });

  it('throws a RegionError naming the file, the region and the regions that exist', () => {
    expect(() => extractRegion(migration, 'knex/001.ts', 'down')).toThrow(RegionError);
    expect(() => extractRegion(migration, 'knex/001.ts', 'down')).toThrow(
      'Region "down" not found in examples/knex/001.ts (regions in that file: up, create-index)',
    );
  });

  it('throws on broken markers with the file and line', () => {
    expect(() => extractRegion('// #region up\nx();', 'a.ts', 'up')).toThrow(
      'examples/a.ts:1: region "up" is never closed',
    );
    expect(() => extractRegion('x();\n// #endregion up', 'a.ts')).toThrow(
      'examples/a.ts:2: #endregion up has no matching #region',
    );
    expect(() => extractRegion('// #region\n// #endregion', 'a.ts')).toThrow('examples/a.ts:1: #region without a name');
    expect(() => extractRegion('// #region a\n// #endregion a\n// #region a\n// #endregion a', 'a.ts')).toThrow(
      'examples/a.ts:3: region "a" is defined twice',
    );
  });
});

describe('languageOf', () => {
  it('maps example file extensions to code block languages', () => {
    expect(['a.ts', 'b.tsx', 'c.mjs', 'd.cjs', 'e.js', 'f.sql', 'g.json', 'h.yml', 'i.yaml'].map(languageOf)).toEqual([
      'ts', 'tsx', 'js', 'js', 'js', 'sql', 'json', 'yaml', 'yaml',
    ]);
  });
});
