import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint, type Linter } from 'eslint';
import plugin from '../../lint-rules/src/index.ts';

export interface LintReport {
  ruleId: string | null;
  line: number;
  column: number;
}

/**
 * Lints one file of a scenario folder with the plugin's recommended preset as published. The
 * preset's globs look for migration folders (`migrations/`, …), so the file is linted as if it
 * lived in one. `source` lints other text under the file's name (an edited copy).
 */
export async function lintAsMigration(
  scenario: URL,
  file: string,
  options: { settings?: Linter.Config['settings']; source?: string } = {},
): Promise<LintReport[]> {
  const directory = fileURLToPath(scenario);
  const eslint = new ESLint({
    cwd: directory,
    overrideConfigFile: true,
    overrideConfig: [...plugin.configs.recommended, { settings: options.settings ?? {} }],
  });
  const text = options.source ?? (await readFile(join(directory, file), 'utf8'));
  const [result] = await eslint.lintText(text, { filePath: join(directory, 'migrations', file) });
  return result.messages.map(({ ruleId, line, column }) => ({ ruleId, line, column }));
}

/** The text of a scenario file without the first line containing `text`; throws if there is none. */
export async function withoutLine(scenario: URL, file: string, text: string): Promise<string> {
  const lines = (await readFile(new URL(file, scenario), 'utf8')).split('\n');
  const index = lines.findIndex((line) => line.includes(text));
  if (index < 0) throw new Error(`${file} has no line with ${text}`);
  return lines.toSpliced(index, 1).join('\n');
}
