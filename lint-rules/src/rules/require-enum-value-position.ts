import { getMigration } from '../analysis.ts';
import { createRule } from '../create-rule.ts';
import { normaliseName } from '../model/migration.ts';
import { checkedOperations, DEFAULT_DIRECTION_OPTIONS, DIRECTION_OPTIONS_SCHEMA } from './support.ts';

export default createRule({
  name: 'require-enum-value-position',
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Require ALTER TYPE … ADD VALUE to place the new value with BEFORE or AFTER',
      recommended: 'strict',
    },
    messages: {
      unpositioned:
        "The value '{{value}}' is added at the end of {{type}}, because no BEFORE or AFTER says where it goes. Enum values sort in declaration order, so ORDER BY, < and > on {{type}} columns place it after every existing value. Say where it belongs (ADD VALUE '{{value}}' BEFORE '…' or AFTER '…'), even when that is the end.",
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
          if (op.kind !== 'addEnumValue' || op.positioned) continue;
          context.report({ loc: op.loc, messageId: 'unpositioned', data: { value: op.value, type: normaliseName(op.type) } });
        }
      },
    };
  },
});
