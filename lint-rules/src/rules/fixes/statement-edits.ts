import type { TSESLint } from '@typescript-eslint/utils';
import type { Operation } from '../../model/operation.ts';

/**
 * A fix that rewrites one SQL statement, or undefined when the statement is not written literally
 * where it is reported (a builder call, a string with escapes or interpolations) or `rewrite` gives up.
 */
export function statementFix(
  sourceCode: Readonly<TSESLint.SourceCode>,
  op: Operation,
  rewrite: (statement: string) => string | undefined,
): TSESLint.ReportFixFunction | undefined {
  if (op.origin !== 'sql') return undefined;
  const start = sourceCode.getIndexFromLoc(op.loc.start);
  const end = sourceCode.getIndexFromLoc(op.loc.end);
  if (sourceCode.text.slice(start, end) !== op.text) return undefined;
  const replacement = rewrite(op.text);
  return replacement === undefined ? undefined : (fixer) => fixer.replaceTextRange([start, end], replacement);
}

/** Replaces the one match of `pattern` in the statement; gives up when it matches more or less than once. */
export function replaceOnce(pattern: RegExp, replacement: (match: RegExpExecArray) => string) {
  return (statement: string): string | undefined => {
    const matches = [...statement.matchAll(new RegExp(pattern.source, pattern.flags.replace('g', '') + 'g'))];
    if (matches.length !== 1) return undefined;
    const match = matches[0]!;
    return statement.slice(0, match.index) + replacement(match) + statement.slice(match.index + match[0].length);
  };
}

/**
 * Replaces the type written after column `column` (`email varchar(20)` → `email text`), when the
 * statement defines that column once. `type` matches the type as written, from its first word.
 */
export function replaceColumnType(column: string, type: RegExp, replacement: (written: string) => string) {
  const name = column.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const definition = new RegExp(`(?<![\\w$"])("?${name}"?\\s+)(${type.source})(?![\\w$])`, 'i');
  return replaceOnce(definition, (match) => match[1]! + replacement(match[2]!));
}
