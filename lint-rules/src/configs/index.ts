import tsParser from '@typescript-eslint/parser';
import type { Linter } from 'eslint';
import { docsOf, type Preset } from '../create-rule.ts';
import type { rules as allRules } from '../rules/index.ts';

export const PLUGIN_NAMESPACE = 'live-upgrade';

/** Where the migration tools put migrations by default (Knex, Kysely, node-pg-migrate, TypeORM, Sequelize, MikroORM). */
export const MIGRATION_FILES = [
  '**/migrations/**/*.{js,cjs,mjs,ts,cts,mts}',
  '**/migration/**/*.{js,cjs,mjs,ts,cts,mts}',
  '**/db/migrate/**/*.{js,cjs,mjs,ts,cts,mts}',
];

/** Where Prisma, Drizzle, graphile-migrate, node-pg-migrate and hand-run `.sql` migrations live. */
export const SQL_MIGRATION_FILES = [
  '**/migrations/**/*.sql',
  '**/migration/**/*.sql',
  '**/drizzle/**/*.sql',
  '**/prisma/migrations/**/*.sql',
  '**/db/migrate/**/*.sql',
];

export type ConfigName = Preset | 'all';

const PRESET_ORDER: ConfigName[] = ['recommended', 'strict', 'all'];

/** Presets are derived from each rule's `meta.docs.recommended`, so docs and configs cannot disagree. */
export function buildConfigs(plugin: { rules: typeof allRules }): Record<ConfigName, Linter.Config[]> {
  const config = (name: ConfigName): Linter.Config[] => [
    {
      name: `${PLUGIN_NAMESPACE}/${name}`,
      files: MIGRATION_FILES,
      ignores: ['**/*.d.ts'],
      plugins: { [PLUGIN_NAMESPACE]: plugin as never },
      languageOptions: { parser: tsParser, sourceType: 'module' },
      rules: rulesFor(plugin.rules, name),
    },
    {
      name: `${PLUGIN_NAMESPACE}/${name}/sql`,
      files: SQL_MIGRATION_FILES,
      plugins: { [PLUGIN_NAMESPACE]: plugin as never },
      language: `${PLUGIN_NAMESPACE}/sql`,
      rules: rulesFor(plugin.rules, name),
    },
  ];
  return { recommended: config('recommended'), strict: config('strict'), all: config('all') };
}

export function rulesFor(rules: typeof allRules, name: ConfigName): Linter.RulesRecord {
  const entries = Object.entries(rules)
    .filter(([, rule]) => PRESET_ORDER.indexOf(docsOf(rule).recommended) <= PRESET_ORDER.indexOf(name))
    .map(([id, rule]) => [`${PLUGIN_NAMESPACE}/${id}`, docsOf(rule).severity ?? 'error'] as const);
  return Object.fromEntries(entries);
}
