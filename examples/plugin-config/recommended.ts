import type { Linter } from 'eslint';
// In a project that installed the plugin: import liveUpgrade from 'eslint-plugin-live-upgrade';
import liveUpgrade from '../../lint-rules/src/index.ts';

// #region config
export default [
  // The rules, the TypeScript parser and the SQL language for the usual migration folders.
  ...liveUpgrade.configs.recommended,
  {
    settings: {
      'live-upgrade': {
        // The oldest Postgres major version your migrations run on.
        postgresVersion: 15,
      },
    },
  },
] satisfies Linter.Config[];
// #endregion config
