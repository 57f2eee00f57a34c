import type { ESLint, Linter } from 'eslint';
import { buildConfigs, type ConfigName } from './configs/index.ts';
import { rules } from './rules/index.ts';

const plugin = {
  meta: { name: 'eslint-plugin-live-upgrade', version: '0.1.0' },
  rules,
  configs: {} as Record<ConfigName, Linter.Config[]>,
};
plugin.configs = buildConfigs(plugin);

export default plugin as typeof plugin & ESLint.Plugin;
export { rules };
export type { LiveUpgradeSettings } from './settings.ts';
