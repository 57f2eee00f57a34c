import { getMigration } from '../analysis.ts';
import { createRule } from '../create-rule.ts';
import { checkedOperations, DEFAULT_DIRECTION_OPTIONS, DIRECTION_OPTIONS_SCHEMA } from './support.ts';

export default createRule({
  name: 'no-drop-database',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow DROP DATABASE and DROP SCHEMA … CASCADE in migrations',
      recommended: 'recommended',
    },
    messages: {
      dropDatabase:
        'DROP DATABASE {{name}} deletes the database with every table in it, and every release that uses it stops working. A migration never needs it: drop databases by hand, with the application stopped.',
      dropSchemaCascade:
        'DROP SCHEMA {{name}} CASCADE deletes every table, view and function in {{name}} with their data, whatever still uses them, and breaks the running release. Drop the objects one by one in contract migrations, then the empty schema without CASCADE.',
    },
    schema: DIRECTION_OPTIONS_SCHEMA,
    defaultOptions: DEFAULT_DIRECTION_OPTIONS,
  },
  defaultOptions: DEFAULT_DIRECTION_OPTIONS,
  create(context, [options]) {
    return {
      Program() {
        const migration = getMigration(context);
        for (const op of checkedOperations(migration, options)) {
          if (op.kind === 'dropDatabase') {
            context.report({ loc: op.loc, messageId: 'dropDatabase', data: { name: op.name } });
          } else if (op.kind === 'dropSchema' && op.cascade) {
            for (const name of op.names) context.report({ loc: op.loc, messageId: 'dropSchemaCascade', data: { name } });
          }
        }
      },
    };
  },
});
