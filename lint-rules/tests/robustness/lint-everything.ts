import { Linter } from 'eslint';
import tsParser from '@typescript-eslint/parser';
import { rules } from '../../src/index.ts';
import { rulesFor } from '../../src/configs/index.ts';

const linter = new Linter({ configType: 'flat' });

/** Every rule of the `all` preset on every file, whatever its folder: the frontends decide what they read. */
const config: Linter.Config[] = [
  {
    files: ['**/*.{js,cjs,mjs,ts,cts,mts}'],
    plugins: { 'live-upgrade': { rules } as never },
    languageOptions: { parser: tsParser, sourceType: 'module' },
    rules: rulesFor(rules, 'all'),
  },
];

export interface LintOutcome {
  /** Exceptions thrown by a rule or the analysis: each one is a crash a user would see. */
  crashes: { filename: string; error: string }[];
  /** Files the parser itself rejected (not the plugin's doing). */
  unparsable: number;
  /** Files actually linted (a file no config matches would pass vacuously). */
  linted: number;
  messages: number;
}

export function lintAll(files: Iterable<{ filename: string; code: string }>): LintOutcome {
  const outcome: LintOutcome = { crashes: [], unparsable: 0, linted: 0, messages: 0 };
  for (const { filename, code } of files) {
    try {
      const messages = linter.verify(code, config, { filename });
      if (messages.some((message) => message.fatal)) outcome.unparsable++;
      if (!messages.some((message) => message.message.startsWith('No matching configuration'))) outcome.linted++;
      outcome.messages += messages.length;
    } catch (error) {
      outcome.crashes.push({ filename, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
    }
  }
  return outcome;
}
