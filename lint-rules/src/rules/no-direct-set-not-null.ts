import type { TSESLint } from '@typescript-eslint/utils';
import { getMigration, getSettings } from '../analysis.ts';
import { createRule } from '../create-rule.ts';
import { normaliseName, type Migration } from '../model/migration.ts';
import type { Operation, OperationOf } from '../model/operation.ts';
import {
  checkedOperations,
  DEFAULT_DIRECTION_OPTIONS,
  DIRECTION_OPTIONS_SCHEMA,
  displayName,
  onExistingTable,
  sqlEditFix,
} from './support.ts';

/** From 12, SET NOT NULL skips its scan when a valid CHECK proves the column has no NULLs. */
const CHECK_PROOF_SINCE = 12;
/** From 18, `ADD CONSTRAINT … NOT NULL col NOT VALID` and VALIDATE do it natively. */
const NATIVE_NOT_VALID_SINCE = 18;

export default createRule({
  name: 'no-direct-set-not-null',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow SET NOT NULL on an existing column unless a validated CHECK already proves it holds no NULLs',
      recommended: 'recommended',
    },
    hasSuggestions: true,
    messages: {
      setNotNull:
        'SET NOT NULL on {{table}}.{{column}} scans every row for NULLs while holding an ACCESS EXCLUSIVE lock on {{table}}, which blocks every read and write for the whole scan. Add CHECK ({{column}} IS NOT NULL) NOT VALID and VALIDATE it in earlier migrations: SET NOT NULL then skips the scan.',
      setNotNullNative:
        'SET NOT NULL on {{table}}.{{column}} scans every row for NULLs while holding an ACCESS EXCLUSIVE lock on {{table}}, which blocks every read and write for the whole scan. On Postgres 18, add the constraint with ADD CONSTRAINT … NOT NULL {{column}} NOT VALID and VALIDATE CONSTRAINT it in a later migration.',
      setNotNullBefore12:
        'SET NOT NULL on {{table}}.{{column}} scans every row for NULLs while holding an ACCESS EXCLUSIVE lock on {{table}}, which blocks every read and write for the whole scan, and before Postgres 12 no CHECK constraint lets it skip the scan. Keep a CHECK ({{column}} IS NOT NULL) constraint, added NOT VALID and validated in a later migration, instead of SET NOT NULL.',
      addNotNull:
        'Adding NOT NULL constraint {{constraint}} on {{table}}.{{column}} scans every row for NULLs while holding an ACCESS EXCLUSIVE lock on {{table}}, which blocks every read and write for the whole scan. Add it with NOT VALID and VALIDATE CONSTRAINT it in a later migration.',
      addNotValid: 'Add NOT VALID (then validate the constraint in a later migration).',
      useNativeNotValid: 'Add the NOT NULL constraint NOT VALID instead (then validate it in a later migration).',
    },
    schema: DIRECTION_OPTIONS_SCHEMA,
    defaultOptions: DEFAULT_DIRECTION_OPTIONS,
  },
  defaultOptions: DEFAULT_DIRECTION_OPTIONS,
  create(context, [options]) {
    const version = getSettings(context).postgresVersion;
    return {
      Program() {
        const migration = getMigration(context);
        for (const op of checkedOperations(migration, options)) {
          if (op.kind === 'setNotNull' && onExistingTable(migration, op, op.table)) {
            if (version >= CHECK_PROOF_SINCE && provenNotNull(migration, op)) continue;
            const messageId = version < CHECK_PROOF_SINCE ? 'setNotNullBefore12' : version < NATIVE_NOT_VALID_SINCE ? 'setNotNull' : 'setNotNullNative';
            const fix = messageId === 'setNotNullNative' ? nativeNotValidFix(context.sourceCode, migration, op) : undefined;
            context.report({
              loc: op.loc,
              messageId,
              data: { table: displayName(op.table), column: op.column },
              suggest: fix ? [{ messageId: 'useNativeNotValid', fix }] : [],
            });
          }
          if (op.kind === 'addConstraint' && op.constraint.type === 'notNull' && !op.constraint.notValid && onExistingTable(migration, op, op.table)) {
            const fix = sqlEditFix(context.sourceCode, migration, op, { append: ' NOT VALID' });
            context.report({
              loc: op.loc,
              messageId: 'addNotNull',
              data: {
                constraint: op.constraint.name ? normaliseName(op.constraint.name) : '(unnamed)',
                table: displayName(op.table),
                column: op.constraint.provesNotNull.join(', '),
              },
              suggest: fix ? [{ messageId: 'addNotValid', fix }] : [],
            });
          }
        }
      },
    };
  },
});

/**
 * Whether the migration, before this SET NOT NULL, holds a validated constraint proving the column
 * non-null: `CHECK (col IS NOT NULL)` (or a NOT NULL constraint) added NOT VALID and then VALIDATEd,
 * or added without NOT VALID, and not dropped since.
 */
function provenNotNull(migration: Migration, setNotNull: OperationOf<'setNotNull'>): boolean {
  const table = normaliseName(setNotNull.table);
  const column = normaliseName(setNotNull.column);
  const proofs = new Map<string, boolean>(); // constraint name → validated
  let unnamedProof = false;
  for (const op of migration.operations) {
    if (op === setNotNull) break;
    if (op.direction !== setNotNull.direction || !onTable(op, table)) continue;
    if (op.kind === 'addConstraint' && op.constraint.provesNotNull.map(normaliseName).includes(column)) {
      if (op.constraint.name) proofs.set(normaliseName(op.constraint.name), !op.constraint.notValid);
      else unnamedProof ||= !op.constraint.notValid;
    } else if (op.kind === 'validateConstraint' && proofs.has(normaliseName(op.name))) {
      proofs.set(normaliseName(op.name), true);
    } else if (op.kind === 'dropConstraint') {
      proofs.delete(normaliseName(op.name));
    }
  }
  return unnamedProof || [...proofs.values()].some(Boolean);
}

function onTable(op: Operation, table: string): boolean {
  return 'table' in op && typeof op.table === 'string' && normaliseName(op.table) === table;
}

/** `ALTER TABLE t ALTER [COLUMN] c SET NOT NULL` → `ALTER TABLE t ADD CONSTRAINT t_c_not_null NOT NULL c NOT VALID`. */
function nativeNotValidFix(
  sourceCode: Readonly<TSESLint.SourceCode>,
  migration: Migration,
  op: OperationOf<'setNotNull'>,
): TSESLint.ReportFixFunction | undefined {
  const match = /^(alter\s+table\s+(?:if\s+exists\s+)?(?:only\s+)?\S+)\s+alter\s+(?:column\s+)?(\S+)\s+set\s+not\s+null$/i.exec(op.text);
  if (!match) return undefined;
  const name = `${normaliseName(op.table).split('.').at(-1)}_${normaliseName(op.column)}_not_null`;
  const constraint = /^[a-z_][a-z0-9_]*$/.test(name) ? name : `"${name.replaceAll('"', '""')}"`;
  return sqlEditFix(sourceCode, migration, op, { replaceWith: `${match[1]} ADD CONSTRAINT ${constraint} NOT NULL ${match[2]} NOT VALID` });
}
