// Writes what is derived from rule metadata: the README rules table and the site's rules.json.
// `--check` fails instead of writing when a committed file is out of date (CI runs it).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { rules as ruleModules } from '../lint-rules/src/index.ts';
import { rulesFor, type ConfigName } from '../lint-rules/src/configs/index.ts';
import { docsOf } from '../lint-rules/src/create-rule.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const check = process.argv.includes('--check');
const presets: ConfigName[] = ['recommended', 'strict', 'all'];
// Where the source is browsed: the rule pages link each rule's implementation here.
const REPOSITORY_URL = 'https://github.com/live-upgrade/live-upgrade';

/** The file that implements a rule, relative to the repository root. */
function sourceOf(id: string): string {
  const path = `lint-rules/src/rules/${id}.ts`;
  if (!existsSync(`${root}${path}`)) throw new Error(`rule ${id}: ${path} does not exist`);
  return path;
}

const rules = Object.entries(ruleModules)
  .sort(([a], [b]) => a.localeCompare(b))
  .map(([id, rule]) => ({
    id,
    description: docsOf(rule).description,
    type: rule.meta.type,
    presets: presets.filter((preset) => `live-upgrade/${id}` in rulesFor(ruleModules, preset)),
    severity: docsOf(rule).severity ?? 'error',
    fixable: Boolean(rule.meta.fixable),
    hasSuggestions: Boolean(rule.meta.hasSuggestions),
    options: ruleOptions(rule.meta),
    source: sourceOf(id),
    sourceUrl: `${REPOSITORY_URL}/blob/main/${sourceOf(id)}`,
  }));

/** The properties of a rule's options object, with their descriptions and defaults. */
function ruleOptions(meta: { schema?: unknown; defaultOptions?: unknown[] }) {
  const schema = Array.isArray(meta.schema) ? meta.schema[0] : undefined;
  const properties = (schema?.properties ?? {}) as Record<string, { type?: string; description?: string }>;
  const defaults = (meta.defaultOptions?.[0] ?? {}) as Record<string, unknown>;
  return Object.entries(properties).map(([name, property]) => ({
    name,
    type: property.type ?? 'object',
    description: property.description ?? '',
    default: defaults[name],
  }));
}

const table = [
  '| Rule | Description | Preset | Fix |',
  '| --- | --- | --- | --- |',
  ...rules.map(
    (rule) =>
      `| [\`${rule.id}\`](https://live-upgrade.dev/rules/${rule.id}) | ${rule.description} | ${rule.presets[0]}${rule.severity === 'warn' ? ' (warn)' : ''} | ${rule.fixable ? 'autofix' : rule.hasSuggestions ? 'suggestion' : ''} |`,
  ),
].join('\n');

const readme = readFileSync(`${root}README.md`, 'utf8');
const outputs: Record<string, string> = {
  'README.md': readme.replace(
    /(<!-- rules:start -->\n)[\s\S]*?(<!-- rules:end -->)/,
    (_, start: string, end: string) => `${start}${table}\n${end}`,
  ),
  'src/data/rules.json': `${JSON.stringify(rules, null, 2)}\n`,
};

let stale = 0;
for (const [path, content] of Object.entries(outputs)) {
  let current = '';
  try {
    current = readFileSync(`${root}${path}`, 'utf8');
  } catch {
    // a missing file is stale
  }
  if (current === content) continue;
  if (check) {
    console.error(`${path} is out of date with the rule metadata: run \`npm run generate\`.`);
    stale++;
  } else {
    writeFileSync(`${root}${path}`, content);
    console.log(`wrote ${path}`);
  }
}
process.exit(stale > 0 ? 1 : 0);
