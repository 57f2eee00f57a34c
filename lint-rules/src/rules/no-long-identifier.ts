import { getMigration } from '../analysis.ts';
import { createRule } from '../create-rule.ts';
import { createdColumns } from '../model/columns.ts';
import { MAX_IDENTIFIER_BYTES, type Operation } from '../model/operation.ts';
import { checkedOperations, DEFAULT_DIRECTION_OPTIONS, DIRECTION_OPTIONS_SCHEMA } from './support.ts';

export default createRule({
  name: 'no-long-identifier',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow identifiers longer than the 63 bytes Postgres keeps',
      recommended: 'strict',
    },
    messages: {
      longIdentifier:
        'The name {{name}} is {{bytes}} bytes long, and Postgres keeps only its first 63 bytes ({{kept}}): the object in the database is not named as the code says, and two long names that start alike collide. Use a name of at most 63 bytes.',
    },
    schema: DIRECTION_OPTIONS_SCHEMA,
    defaultOptions: DEFAULT_DIRECTION_OPTIONS,
  },
  defaultOptions: DEFAULT_DIRECTION_OPTIONS,
  create(context, [options]) {
    return {
      Program() {
        const reported = new Set<string>();
        for (const op of checkedOperations(getMigration(context), options)) {
          // SQL names come from the parser, already cut: the SQL frontend keeps the long ones as written.
          const names = [...(op.truncatedIdentifiers ?? []), ...namesOf(op).flatMap((name) => name.split('.'))];
          for (const name of names) {
            const bytes = Buffer.byteLength(name, 'utf8');
            const key = `${op.loc.start.line}:${op.loc.start.column}:${name}`;
            if (bytes <= MAX_IDENTIFIER_BYTES || reported.has(key)) continue;
            reported.add(key);
            context.report({ loc: op.loc, messageId: 'longIdentifier', data: { name, bytes: String(bytes), kept: kept(name) } });
          }
        }
      },
    };
  },
});

/** The names an operation gives to tables, columns, indexes, constraints and views. */
function namesOf(op: Operation): string[] {
  const columns = createdColumns(op).map(({ column }) => column.name);
  switch (op.kind) {
    case 'createTable':
      return [op.table, ...columns, ...(op.constraints ?? []).flatMap((constraint) => constraint.name ?? [])];
    case 'addColumn':
      return columns;
    case 'createIndex':
      return op.name ? [op.name] : [];
    case 'addConstraint':
      return op.constraint.name ? [op.constraint.name] : [];
    case 'renameTable':
    case 'renameColumn':
      return [op.newName];
    case 'createView':
      return [op.name];
    default:
      return [];
  }
}

/** The first 63 bytes of a name, without splitting a character, as Postgres cuts it. */
function kept(name: string): string {
  let result = '';
  for (const char of name) {
    if (Buffer.byteLength(result + char, 'utf8') > MAX_IDENTIFIER_BYTES) break;
    result += char;
  }
  return result;
}
