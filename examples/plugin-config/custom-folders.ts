import type { Linter } from 'eslint';
// In a project that installed the plugin: import liveUpgrade from 'eslint-plugin-live-upgrade';
import liveUpgrade from '../../lint-rules/src/index.ts';

// #region config
// Migrations live in database/changes/ rather than in a migrations/ folder: keep the preset,
// point its two config objects (scripts, and .sql files) at that folder.
export default liveUpgrade.configs.recommended.map((config) => ({
  ...config,
  files: config.name?.endsWith('/sql') ? ['database/changes/**/*.sql'] : ['database/changes/**/*.{js,ts}'],
})) satisfies Linter.Config[];
// #endregion config
