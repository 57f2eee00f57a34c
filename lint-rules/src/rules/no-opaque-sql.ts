import { getMigration } from '../analysis.ts';
import { createRule } from '../create-rule.ts';

export default createRule({
  name: 'no-opaque-sql',
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Disallow SQL the linter cannot see into, so no unsafe statement passes unchecked',
      recommended: 'recommended',
      severity: 'warn',
    },
    messages: {
      opaque:
        'The linter cannot check this: {{reason}}. Keep migration SQL static, or disable this rule here with the reason the statement is safe.',
    },
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    return {
      Program() {
        for (const op of getMigration(context).operations) {
          if (op.kind === 'opaque' && op.direction === 'up') context.report({ loc: op.loc, messageId: 'opaque', data: { reason: op.reason } });
        }
      },
    };
  },
});
