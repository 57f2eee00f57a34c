import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { ESLint } from 'eslint';
import { afterAll, describe, expect, it } from 'vitest';
import plugin from '../../src/index.ts';
import { lintSql, reports } from './lint-sql.ts';

const path = 'prisma/migrations/20240301000000_names/migration.sql';

describe('report positions in SQL files', () => {
  it('reports a syntax error where the parser stopped', () => {
    const code = 'CREATE TABLE audit (id bigint);\nALTER TABLE users ADDD COLUMN nickname text;\n';
    const messages = lintSql(code, path);
    expect(reports(messages, ['no-sql-syntax-error'])).toEqual([
      { ruleId: 'live-upgrade/no-sql-syntax-error', line: 2, column: 19, endLine: 2, endColumn: 20 },
    ]);
    expect(messages.find((m) => m.ruleId === 'live-upgrade/no-sql-syntax-error')?.message).toBe(
      'Postgres cannot parse this SQL: syntax error at or near "ADDD".',
    );
  });

  it('counts columns in UTF-16 units after multi-byte characters, with CRLF line ends', () => {
    // 'naïve 😀' is 9 UTF-16 units but 12 UTF-8 bytes: the parser's byte offsets must not leak into columns.
    const code = "-- Übersicht: Benutzer\r\nSELECT 'naïve 😀'; CREATE INDEX users_name_idx ON users (name);\r\nSELECT 'ü'; ALTER TABLE users ADDD COLUMN x int;\r\n";
    // The broken statement does not hide the statements before it.
    expect(reports(lintSql(code, path), ['require-concurrent-index-creation', 'no-sql-syntax-error'])).toEqual([
      { ruleId: 'live-upgrade/require-concurrent-index-creation', line: 2, column: 20, endLine: 2, endColumn: 63 },
      { ruleId: 'live-upgrade/no-sql-syntax-error', line: 3, column: 31, endLine: 3, endColumn: 32 },
    ]);
    const valid = code.replace('ADDD', 'ADD');
    expect(reports(lintSql(valid, path), ['require-concurrent-index-creation'])).toEqual([
      { ruleId: 'live-upgrade/require-concurrent-index-creation', line: 2, column: 20, endLine: 2, endColumn: 63 },
    ]);
  });

  it('lints files that are not SQL at all without failing', () => {
    for (const code of ['', '-- only a comment', '\u0000\u0001binary', '$$ never closed', '/* never closed', 'SELECT "x']) {
      const messages = lintSql(code, path);
      expect(messages.filter((m) => m.fatal)).toEqual([]);
    }
  });
});

describe('the eslint API on a project', () => {
  const root = mkdtempSync(join(tmpdir(), 'live-upgrade-sql-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  const files: Record<string, string> = {
    'prisma/migrations/20240301000000_broken/migration.sql': '-- AlterTable\nALTER TABLE "User" ADD COLUMN "age" INTEGR NOT NULL DEFAULT;\n',
    'prisma/migrations/20240302000000_index/migration.sql': '-- CreateIndex\nCREATE INDEX "User_age_idx" ON "User"("age");\n',
    'drizzle/0001_add_age.sql': 'ALTER TABLE "users" DROP COLUMN "age";',
    'docs/notes.sql': 'DROP TABLE everything;',
  };
  for (const [file, code] of Object.entries(files)) {
    mkdirSync(dirname(join(root, file)), { recursive: true });
    writeFileSync(join(root, file), code);
  }

  it('reports the broken file and still lints the others; files outside migration folders are not linted', async () => {
    const eslint = new ESLint({ cwd: root, overrideConfigFile: true, overrideConfig: plugin.configs.recommended });
    const results = await eslint.lintFiles(['**/*.sql']);
    const found = results
      .map((result) => ({
        file: relative(root, result.filePath),
        reports: result.messages.map((m) => `${m.line}:${m.column} ${m.ruleId}`),
      }))
      .sort((a, b) => a.file.localeCompare(b.file));
    expect(found).toEqual([
      { file: 'drizzle/0001_add_age.sql', reports: ['1:1 live-upgrade/no-drop-column', '1:1 live-upgrade/require-lock-timeout'] },
      { file: 'prisma/migrations/20240301000000_broken/migration.sql', reports: ['2:60 live-upgrade/no-sql-syntax-error'] },
      {
        file: 'prisma/migrations/20240302000000_index/migration.sql',
        reports: ['2:1 live-upgrade/require-concurrent-index-creation', '2:1 live-upgrade/require-lock-timeout'],
      },
    ]);
  });
});
