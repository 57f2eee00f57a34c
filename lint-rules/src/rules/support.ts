import type { TSESLint } from '@typescript-eslint/utils';
import type { JSONSchema4 } from '@typescript-eslint/utils/json-schema';
import type { Migration } from '../model/migration.ts';
import { isNewTable, normaliseName } from '../model/migration.ts';
import type { Operation } from '../model/operation.ts';

export interface DirectionOptions {
  checkDown: boolean;
}

export const DIRECTION_OPTIONS_SCHEMA: JSONSchema4[] = [
  {
    type: 'object',
    properties: {
      checkDown: {
        type: 'boolean',
        description: 'Also check `down` migrations, which by default only undo what `up` added.',
      },
    },
    additionalProperties: false,
  },
];

export const DEFAULT_DIRECTION_OPTIONS: [DirectionOptions] = [{ checkDown: false }];

/** The operations a rule checks: the forward path, plus `down` when the rule's `checkDown` asks for it. */
export function checkedOperations(migration: Migration, options: DirectionOptions = { checkDown: false }): Operation[] {
  return migration.operations.filter((op) => op.direction === 'up' || options.checkDown);
}

/** Whether `table` exists before the migration (it was not created earlier in the same migration). */
export function onExistingTable(migration: Migration, op: Operation, table: string): boolean {
  return !isNewTable(migration, table, op);
}

export function displayName(name: string | undefined): string {
  return name ? normaliseName(name) : 'the table';
}

/** An edit of SQL written in the migration: insert after the statement's leading keywords, append, or replace it. */
export type SqlEdit = { insertAfter: RegExp; text: string } | { append: string } | { replaceWith: string };

/**
 * The fix for a suggestion that rewrites SQL in place, or undefined when the statement is not written
 * literally where it is reported (a builder call, an interpolation in the way) or, for appending and
 * replacing, when it holds other actions (`ALTER TABLE t ADD …, ADD …`) that the edit would change too.
 */
export function sqlEditFix(
  sourceCode: Readonly<TSESLint.SourceCode>,
  migration: Migration,
  op: Operation,
  edit: SqlEdit,
): TSESLint.ReportFixFunction | undefined {
  if (op.origin !== 'sql') return undefined;
  const start = sourceCode.getIndexFromLoc(op.loc.start);
  const end = sourceCode.getIndexFromLoc(op.loc.end);
  if ('insertAfter' in edit) {
    const keywords = edit.insertAfter.exec(op.text)?.[0];
    if (keywords === undefined || sourceCode.text.slice(start, start + keywords.length) !== keywords) return undefined;
    return (fixer) => fixer.insertTextAfterRange([start, start + keywords.length], edit.text);
  }
  const alone = !migration.operations.some((other) => other !== op && other.origin === 'sql' && sameStart(other, op));
  if (!alone) return undefined;
  if ('append' in edit) {
    if (sourceCode.text[end - 1] !== op.text.at(-1)) return undefined;
    return (fixer) => fixer.insertTextAfterRange([start, end], edit.append);
  }
  if (sourceCode.text.slice(start, end) !== op.text) return undefined;
  return (fixer) => fixer.replaceTextRange([start, end], edit.replaceWith);
}

function sameStart(a: Operation, b: Operation): boolean {
  return a.loc.start.line === b.loc.start.line && a.loc.start.column === b.loc.start.column;
}
