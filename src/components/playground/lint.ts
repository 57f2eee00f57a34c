import type { Linter } from 'eslint';
import './browser-process';
import { Linter as BrowserLinter } from 'eslint/universal';
import plugin from '@site/lint-rules/src/index';
import { splitStatements } from '@site/lint-rules/src/sql/parser';
import { MIGRATION_FILES, PLUGIN_NAMESPACE, type ConfigName } from '@site/lint-rules/src/configs/index';
import * as tsParser from '@typescript-eslint/parser';

export { PLUGIN_NAMESPACE, type ConfigName };
export type LintMessage = Linter.LintMessage;

const linter = new BrowserLinter({ configType: 'flat', cwd: '/' });

export interface LintInput {
  code: string;
  /** The migration's file name: its extension picks the TypeScript parser or the plugin's SQL language. */
  filename: string;
  preset: ConfigName;
  postgresVersion: number;
  /** Other `settings['live-upgrade']` (a rule page's example may carry some). */
  settings?: Record<string, unknown>;
}

/** The plugin's reports on one migration, with its presets and settings, as `eslint` would give them. */
export function lintMigration({ code, filename, preset, postgresVersion, settings }: LintInput): LintMessage[] {
  const config: Linter.Config[] = [
    ...plugin.configs[preset],
    // The presets import the parser's default export, which Node makes of this CommonJS module but a
    // bundler leaves undefined (the module declares __esModule); its namespace is the parser.
    { files: MIGRATION_FILES, languageOptions: { parser: tsParser } },
    { settings: { [PLUGIN_NAMESPACE]: { ...settings, postgresVersion } } },
  ];
  return linter.verify(code, config, { filename: `/migrations/${filename}` });
}

/** The statements of a SQL script, cut by Postgres' own lexer (the plugin's SQL language does the same). */
export function sqlStatements(script: string): string[] {
  const ranges = splitStatements(script) ?? [[0, script.length]];
  return ranges.map(([start, end]) => script.slice(start, end).replace(/;\s*$/, '').trim()).filter((sql) => sql !== '');
}
