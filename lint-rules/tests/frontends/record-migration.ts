import type { RuleContext } from '@typescript-eslint/utils/ts-eslint';
import { Linter, type Rule } from 'eslint';
import { getMigration } from '../../src/analysis.ts';
import plugin from '../../src/index.ts';
import type { Migration } from '../../src/model/migration.ts';
import type { Operation } from '../../src/model/operation.ts';

/** The rules a frontend test asserts on; rules added later report on these files too, and are tested on their own. */
const ASSERTED_RULES = new Set(
  [
    'require-concurrent-index-creation',
    'no-concurrently-in-transaction',
    'require-lock-timeout',
    'no-drop-column',
    'no-rename-column',
    'no-sql-syntax-error',
    'no-opaque-sql',
  ].map((id) => `live-upgrade/${id}`),
);

const linter = new Linter({ configType: 'flat' });

/**
 * Lints a migration with the `all` preset, as a project would, and records the migration the rules
 * saw through a rule that only reads it.
 */
export function lintMigration(code: string, filename: string, settings: Record<string, unknown> = {}) {
  let migration: Migration | undefined;
  const recorder: Rule.RuleModule = {
    meta: { type: 'problem', schema: [] },
    create(context) {
      return {
        Program() {
          migration = getMigration(context as unknown as RuleContext<string, readonly unknown[]>);
        },
      };
    },
  };
  const messages = linter.verify(
    code,
    [
      ...plugin.configs.all,
      { plugins: { record: { rules: { migration: recorder } } }, rules: { 'record/migration': 'error' } },
      { settings: { 'live-upgrade': settings } },
    ],
    { filename },
  );
  const fatal = messages.filter((message) => message.fatal);
  if (fatal.length > 0) throw new Error(`${filename} did not parse: ${fatal[0]!.message}`);
  if (!migration) throw new Error(`${filename} was not linted by the preset`);
  return {
    migration,
    reports: messages
      .filter((message) => message.ruleId !== null && ASSERTED_RULES.has(message.ruleId))
      .map((message) => [message.ruleId!.slice('live-upgrade/'.length), message.line, message.column] as const)
      .sort((a, b) => a[1] - b[1] || a[2] - b[2] || a[0].localeCompare(b[0])),
    messages,
    operations: migration.operations.map(summary),
  };
}

/** An operation without its source text, with its place `at: [line, column]` (1-based, as ESLint reports). */
function summary(op: Operation) {
  const { loc, text: _text, ...rest } = op;
  return { ...rest, at: [loc.start.line, loc.start.column + 1] };
}

/** A file from its lines, so a test reads line numbers off the array (line 1 is the first argument). */
export function lines(...text: string[]): string {
  return `${text.join('\n')}\n`;
}
