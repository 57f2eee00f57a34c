import type { ESLint, Linter } from 'eslint';
import { buildConfigs, type ConfigName } from './configs/index.ts';
import { sqlLanguage } from './languages/sql/language.ts';
import { rules } from './rules/index.ts';

const plugin = {
  meta: { name: 'eslint-plugin-live-upgrade', version: '0.1.0' },
  rules,
  languages: { sql: sqlLanguage },
  configs: {} as Record<ConfigName, Linter.Config[]>,
};
plugin.configs = buildConfigs(plugin);

/** Typed for ESLint configs; the rules with their typed metadata are the named export `rules`. */
export default plugin as unknown as ESLint.Plugin & { configs: Record<ConfigName, Linter.Config[]> };
export { rules };
export type { LiveUpgradeSettings } from './settings.ts';
