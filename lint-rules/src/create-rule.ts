import { RuleCreator } from '@typescript-eslint/utils/eslint-utils';
import { ruleDocsUrl } from './site.ts';

export type Preset = 'recommended' | 'strict';

export interface LiveUpgradeDocs {
  /** The first preset that turns the rule on; `all` has every rule. */
  recommended: Preset;
  /** Severity in the presets: rules about what the linter cannot see warn instead of failing. */
  severity?: 'warn';
}

export const createRule = RuleCreator<LiveUpgradeDocs>(ruleDocsUrl);

/** Every rule made by `createRule` has docs; the rule-module type leaves them optional. */
export function docsOf(rule: { meta: { docs?: LiveUpgradeDocs & { description: string; url?: string } } }) {
  if (!rule.meta.docs) throw new Error('a live-upgrade rule without meta.docs');
  return rule.meta.docs;
}
