import { getMigration } from '../analysis.ts';
import { createRule } from '../create-rule.ts';

export default createRule({
  name: 'no-sql-syntax-error',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow SQL that the Postgres parser rejects',
      recommended: 'recommended',
    },
    messages: {
      syntaxError: 'Postgres cannot parse this SQL: {{message}}.',
    },
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    return {
      Program() {
        // Both directions: a rollback that does not parse fails exactly when it is needed.
        for (const op of getMigration(context).operations) {
          if (op.kind === 'syntaxError') context.report({ loc: op.loc, messageId: 'syntaxError', data: { message: op.message } });
        }
      },
    };
  },
});
