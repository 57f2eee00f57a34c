import type { File, Language, OkParseResult } from '@eslint/core';
import { SQL_LINE_ENDING, SqlSourceCode, type SqlProgram } from './source-code.ts';

type SqlLanguageTypes = {
  LangOptions: Record<string, never>;
  Code: SqlSourceCode;
  RootNode: SqlProgram;
  Node: SqlProgram;
};

/**
 * `.sql` migration files as an ESLint language (`language: 'live-upgrade/sql'`). Parsing never
 * fails: SQL that Postgres rejects is a finding of `no-sql-syntax-error`, reported at the place the
 * parser stopped, and the other rules still run on the file.
 */
export const sqlLanguage: Language<SqlLanguageTypes> = {
  fileType: 'text',
  lineStart: 1,
  columnStart: 0,
  nodeTypeKey: 'type',
  visitorKeys: { Program: [] },
  defaultLanguageOptions: {},

  // The language has no options. Options a shared config sets for JavaScript files are ignored.
  validateLanguageOptions() {},

  parse(file: File): OkParseResult<SqlProgram> {
    const text = String(file.body);
    const lines = text.split(SQL_LINE_ENDING);
    const end = { line: lines.length, column: lines.at(-1)?.length ?? 0 };
    return { ok: true, ast: { type: 'Program', range: [0, text.length], loc: { start: { line: 1, column: 0 }, end } } };
  },

  createSourceCode(file: File, input: OkParseResult<SqlProgram>): SqlSourceCode {
    return new SqlSourceCode(String(file.body), input.ast);
  },
};
