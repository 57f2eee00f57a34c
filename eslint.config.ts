import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';
import liveUpgrade from './lint-rules/src/index.ts';

const JS_FILES = ['**/*.{js,mjs,cjs,jsx,ts,mts,cts,tsx}'];
const [jsPreset, sqlPreset] = liveUpgrade.configs.recommended;

export default defineConfig(
  {
    ignores: ['node_modules/', 'build/', 'dist/', '.docusaurus/', 'bench/.corpus/', '.artifacts/'],
  },
  // JavaScript rule sets only on JavaScript: the plugin's SQL language has no scopes or tokens.
  tseslint.configs.recommended.map((config) => ({ ...config, files: JS_FILES })),
  {
    files: JS_FILES,
    rules: {
      // Parse trees of libpg-query and unknown ESLint settings are untyped JSON.
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  // Dogfood: the vetted example migrations pass the plugin's own recommended preset.
  { ...jsPreset, files: ['examples/postgres/*/{knex,kysely,node-pg-migrate}/**/*.ts'] },
  { ...sqlPreset, files: ['examples/postgres/*/sql*/**/*.sql'] },
  {
    // These scenarios' Kysely Migrators run with disableTransactions, as a concurrent index build,
    // a backfill committed batch by batch and an enum value used by a later migration need.
    files: [
      'examples/postgres/add-enum-value/kysely/**/*.ts',
      'examples/postgres/add-not-null-column/kysely/**/*.ts',
      'examples/postgres/add-unique-constraint/kysely/**/*.ts',
      'examples/postgres/change-column-type/kysely/**/*.ts',
      'examples/postgres/create-index-concurrently/kysely/**/*.ts',
      'examples/postgres/lock-timeout-and-retry/kysely/**/*.ts',
      'examples/postgres/partitioned-index/kysely/**/*.ts',
      'examples/postgres/rename-column/kysely/**/*.ts',
    ],
    settings: { 'live-upgrade': { kysely: { disableTransactions: true } } },
  },
  // The unsafe variants exist to be reported; their tests assert exactly what the plugin says.
  liveUpgrade.configs.recommended.map((config) => ({ ...config, ignores: [...(config.ignores ?? []), 'examples/postgres/*/unsafe/**'] })),
);
