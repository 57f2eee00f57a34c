import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import plugin from '../src/index.ts';
import { docsExamples, ruleDocPages } from './docs-examples.ts';

const linter = new Linter({ configType: 'flat' });

/** Lints an example the way a project using the `all` preset would, as a file at its title's path. */
function lint(code: string, filename: string, settings: Record<string, unknown>) {
  return linter.verify(code, [...plugin.configs.all, { settings: { 'live-upgrade': settings } }], { filename });
}

describe.each(ruleDocPages())('rule page %s', (ruleId) => {
  const examples = docsExamples(ruleId);

  it('has an incorrect and a correct example', () => {
    expect(examples.map((example) => example.expectation)).toEqual(expect.arrayContaining(['incorrect', 'correct']));
  });

  it.each(examples.map((example) => [`${example.expectation} block at line ${example.line}`, example] as const))(
    '%s',
    (_, example) => {
      const messages = lint(example.code, example.filename, example.settings);
      // Nothing from ESLint itself: the path matched a preset (a `.sql` title gets the SQL language), and every directive is used.
      expect(messages.filter((message) => message.ruleId === null)).toEqual([]);
      const fromRule = messages.filter((message) => message.ruleId === `live-upgrade/${ruleId}`);
      if (example.expectation === 'incorrect') expect(fromRule).not.toEqual([]);
      else expect(fromRule).toEqual([]);
    },
  );
});
