import { existsSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import plugin, { rules } from '../src/index.ts';
import { rulesFor } from '../src/configs/index.ts';
import { docsOf } from '../src/create-rule.ts';
import { sqlLanguage } from '../src/languages/sql/language.ts';
import packageJson from '../../package.json' with { type: 'json' };
import { ruleDocPages } from './docs-examples.ts';

const ruleFiles = readdirSync(new URL('../src/rules/', import.meta.url))
  .filter((file) => file.endsWith('.ts') && !['index.ts', 'support.ts'].includes(file))
  .map((file) => file.slice(0, -'.ts'.length));
const ruleIds = Object.keys(rules);

describe('the plugin', () => {
  it('exports every rule file under its file name', () => {
    expect(ruleIds.sort()).toEqual(ruleFiles.sort());
    for (const [id, rule] of Object.entries(rules)) expect(rule.name).toBe(id);
  });

  it('has a docs page for every rule and no page without a rule', () => {
    expect(ruleDocPages().sort()).toEqual(ruleIds.sort());
  });

  it('has a test file for every rule', () => {
    const missing = ruleIds.filter((id) => !existsSync(new URL(`rules/${id}.test.ts`, import.meta.url)));
    expect(missing).toEqual([]);
  });

  it('names itself as the package does', () => {
    expect(plugin.meta).toEqual({ name: packageJson.name, version: packageJson.version });
  });
});

describe.each(Object.entries(rules))('rule %s', (id, rule) => {
  const docs = docsOf(rule);

  it('describes itself the way the catalogue does', () => {
    expect(docs.description).toMatch(/^(Disallow|Require|Enforce) /);
    expect(docs.description).not.toMatch(/\.$/);
    expect(docs.url).toBe(`https://live-upgrade.dev/rules/${id}`);
  });

  it('describes every option and gives its default', () => {
    const schema = Array.isArray(rule.meta.schema) ? rule.meta.schema : [];
    for (const option of schema) {
      for (const [name, property] of Object.entries(option.properties ?? {})) {
        expect((property as { description?: string }).description, name).toBeTruthy();
        expect(rule.meta.defaultOptions?.[0]).toHaveProperty(name);
      }
    }
  });

  it('words its messages as sentences', () => {
    for (const message of Object.values(rule.meta.messages)) expect(message).toMatch(/^[A-Z{].*[.)]$/s);
  });
});

describe('presets', () => {
  // A preset is one config object for JS/TS migrations and one for .sql files, with the same rules.
  const idsIn = (name: 'recommended' | 'strict' | 'all') => {
    const [first = [], ...others] = plugin.configs[name].map((config) =>
      Object.keys(config.rules ?? {}).map((id) => id.replace('live-upgrade/', '')).sort(),
    );
    for (const ids of others) expect(ids).toEqual(first);
    return first;
  };

  it('recommended holds exactly the rules whose metadata says recommended', () => {
    expect(idsIn('recommended')).toEqual(ruleIds.filter((id) => docsOf(rules[id as keyof typeof rules]).recommended === 'recommended').sort());
  });

  it('strict adds the strict rules, and all has every rule', () => {
    expect(idsIn('strict')).toEqual(ruleIds.filter((id) => docsOf(rules[id as keyof typeof rules]).recommended !== undefined).sort());
    expect(idsIn('all')).toEqual([...ruleIds].sort());
  });

  it.each(['recommended', 'strict', 'all'] as const)('%s sets the parser or language and the migration folders, so it works alone', (name) => {
    const [js, sql, ...rest] = plugin.configs[name];
    expect(rest).toEqual([]);
    expect(js?.files).toEqual(expect.arrayContaining(['**/migrations/**/*.{js,cjs,mjs,ts,cts,mts}']));
    expect(js?.languageOptions?.parser).toHaveProperty('parseForESLint');
    expect(sql?.files).toEqual(expect.arrayContaining(['**/migrations/**/*.sql', '**/prisma/migrations/**/*.sql', '**/drizzle/**/*.sql']));
    expect(sql?.language).toBe('live-upgrade/sql');
    expect(plugin.languages?.sql).toBe(sqlLanguage);
  });

  it('uses the severity the rule metadata gives', () => {
    expect(rulesFor(rules, 'recommended')['live-upgrade/no-opaque-sql']).toBe('warn');
  });
});
