import { getMigration, getSettings } from '../analysis.ts';
import { createRule } from '../create-rule.ts';
import { normaliseName } from '../model/migration.ts';
import type { Operation, OperationOf } from '../model/operation.ts';
import { checkedSpans, transactionOptOut, transactionReason } from '../model/transactions.ts';
import { DEFAULT_DIRECTION_OPTIONS, DIRECTION_OPTIONS_SCHEMA } from './support.ts';

/** From Postgres 12, ALTER TYPE … ADD VALUE may run inside a transaction block. */
const ADD_VALUE_IN_TRANSACTION_SINCE = 12;

export default createRule({
  name: 'no-new-enum-value-in-same-transaction',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow adding an enum value in a transaction that cannot run it, or that uses the value before it commits',
      recommended: 'recommended',
    },
    messages: {
      addInTransaction:
        'Before PostgreSQL 12, ALTER TYPE … ADD VALUE cannot run inside a transaction block, and {{reason}}: the migration fails on PostgreSQL {{version}}. To run it, {{optOut}}.',
      useBeforeCommit:
        "This statement uses '{{value}}', which line {{line}} adds to {{type}} in the same transaction: Postgres refuses a new enum value until the transaction that added it commits (unsafe use of new value), so the migration fails. Add the value in a migration of its own and use it in a later one.",
    },
    schema: DIRECTION_OPTIONS_SCHEMA,
    defaultOptions: DEFAULT_DIRECTION_OPTIONS,
  },
  defaultOptions: DEFAULT_DIRECTION_OPTIONS,
  create(context, [options]) {
    return {
      Program() {
        const migration = getMigration(context);
        const version = getSettings(context).postgresVersion;
        for (const span of checkedSpans(migration, options)) {
          if (span.transactional !== true) continue;
          span.operations.forEach((op, index) => {
            if (op.kind !== 'addEnumValue' || createdEarlier(span.operations.slice(0, index), op.type)) return;
            if (version < ADD_VALUE_IN_TRANSACTION_SINCE) {
              const data = { reason: transactionReason(migration, span), optOut: transactionOptOut(migration, span), version: String(version) };
              context.report({ loc: op.loc, messageId: 'addInTransaction', data });
              return;
            }
            for (const later of span.operations.slice(index + 1)) {
              if (!usesValue(later, op.value)) continue;
              const data = { value: op.value, type: normaliseName(op.type), line: String(op.loc.start.line) };
              context.report({ loc: later.loc, messageId: 'useBeforeCommit', data });
            }
          });
        }
      },
    };
  },
});

/** A value of an enum type created earlier in the same transaction can be used at once. */
function createdEarlier(before: readonly Operation[], type: string): boolean {
  return before.some((op) => op.kind === 'createEnum' && normaliseName(op.type) === normaliseName(type));
}

/**
 * Whether a statement names the value as a string: `'archived'` in SQL, or any JS quote in a builder
 * call. Naming it as the neighbour of another ADD VALUE reads the catalog, not the value, and is allowed.
 */
function usesValue(op: Operation, value: OperationOf<'addEnumValue'>['value']): boolean {
  if (op.kind === 'addEnumValue') return false;
  // A builder reports at its first call; the default it sets may be written in a later one.
  const defaultText = op.kind === 'setDefault' ? op.default.text : op.kind === 'addColumn' ? op.column.default?.text : undefined;
  const texts = [op.text, defaultText ?? ''];
  const quotes = op.origin === 'sql' ? ["'"] : ["'", '"', '`'];
  const written = op.origin === 'sql' ? value.replaceAll("'", "''") : value;
  return texts.some((text) => quotes.some((quote) => text.includes(`${quote}${written}${quote}`)));
}
