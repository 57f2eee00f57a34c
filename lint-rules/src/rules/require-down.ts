import { getMigration } from '../analysis.ts';
import { createRule } from '../create-rule.ts';

export interface Options {
  forbid: boolean;
}

const DEFAULT_OPTIONS: [Options] = [{ forbid: false }];

export default createRule({
  name: 'require-down',
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Require every migration to have a down that undoes it, or with `forbid`, no down that runs anything',
      recommended: 'strict',
    },
    messages: {
      missingDown:
        'This migration has no down, so the tool cannot roll it back when the release that runs it is rolled back. Write a down that undoes up, or an empty one with a comment that says why there is nothing to undo.',
      emptyDown:
        'This down does nothing and says nothing: a rollback reports success while what up changed stays. Undo what up does, or put a comment in it that says why there is nothing to undo.',
      downForbidden:
        'This project rolls forward only (the `forbid` option), and this down runs statements that no deploy exercises. Leave down empty with a comment, or remove it where the tool allows, and fix a bad migration with a new one.',
    },
    schema: [
      {
        type: 'object',
        properties: {
          forbid: {
            type: 'boolean',
            description: 'Roll forward only: report a `down` that runs anything, instead of a missing or empty one.',
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: DEFAULT_OPTIONS,
  },
  defaultOptions: DEFAULT_OPTIONS,
  create(context, [options]) {
    return {
      Program() {
        const { down } = getMigration(context);
        if (!down) return;
        if (options.forbid) {
          if (down.body === 'written') context.report({ loc: down.loc, messageId: 'downForbidden' });
        } else if (down.body === 'missing') {
          context.report({ loc: down.loc, messageId: 'missingDown' });
        } else if (down.body === 'empty' && !down.explained) {
          context.report({ loc: down.loc, messageId: 'emptyDown' });
        }
      },
    };
  },
});
