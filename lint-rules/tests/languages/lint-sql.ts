import { Linter } from 'eslint';
import plugin from '../../src/index.ts';
import { sqlLanguage } from '../../src/languages/sql/language.ts';
import { sqlFileMigration } from '../../src/languages/sql/migration.ts';
import type { SqlSourceCode } from '../../src/languages/sql/source-code.ts';
import type { Migration } from '../../src/model/migration.ts';
import { readSettings } from '../../src/settings.ts';

// `getSuppressedMessages()` is documented Linter API that eslint's type declarations leave out.
const linter = new Linter({ configType: 'flat' }) as Linter & { getSuppressedMessages(): Linter.SuppressedLintMessage[] };

export interface Report {
  ruleId: string | null;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
}

/** Lints `code` as the file `filename` of a project using the `all` preset, with `rules` on top. */
export function lintSql(
  code: string,
  filename: string,
  settings: Record<string, unknown> = {},
  rules: Linter.RulesRecord = {},
): Linter.LintMessage[] {
  return linter.verify(code, [...plugin.configs.all, { settings: { 'live-upgrade': settings }, rules }], { filename });
}

/**
 * Where the given rules report (problems of ESLint itself, with no rule id, always count), sorted
 * by place and rule. Other rules of the preset are left out, so the expectations stay about these rules.
 */
export function reports(messages: readonly Linter.LintMessage[], ruleIds: readonly string[]): Report[] {
  return messages
    .filter((message) => message.ruleId === null || ruleIds.includes(message.ruleId.replace('live-upgrade/', '')))
    .map(({ ruleId, line, column, endLine, endColumn }) => ({ ruleId, line, column, endLine, endColumn }))
    .sort((a, b) => a.line - b.line || a.column - b.column || String(a.ruleId).localeCompare(String(b.ruleId)));
}

/** The suppressed reports of the last `lintSql` call, with the reason each directive gave. */
export function suppressed(): { ruleId: string | null; line: number; justification: string }[] {
  return linter.getSuppressedMessages().map(({ ruleId, line, suppressions }) => ({
    ruleId,
    line,
    justification: suppressions.map((suppression) => suppression.justification).join(' | '),
  }));
}

/** The migration the plugin reads from a `.sql` file, through the language's own parse and source code. */
export function migrationOf(code: string, filename: string, settings: Record<string, unknown> = {}): Migration {
  const file = { path: filename, physicalPath: filename, bom: false, body: code };
  const parsed = sqlLanguage.parse(file, { languageOptions: {} });
  if (!parsed.ok) throw new Error('the SQL language never fails to parse');
  const sourceCode = sqlLanguage.createSourceCode(file, parsed, { languageOptions: {} }) as SqlSourceCode;
  return sqlFileMigration(sourceCode, filename, readSettings({ 'live-upgrade': settings }));
}
