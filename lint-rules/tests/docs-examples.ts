import { readdirSync, readFileSync } from 'node:fs';
import type { Code } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { mdxFromMarkdown } from 'mdast-util-mdx';
import { mdxjs } from 'micromark-extension-mdxjs';
import { visit } from 'unist-util-visit';

export const RULE_DOCS_DIR = new URL('../docs/rules/', import.meta.url);

export interface DocsExample {
  /** `incorrect` blocks must be reported by the page's rule, `correct` ones must not. */
  expectation: 'incorrect' | 'correct';
  filename: string;
  code: string;
  settings: Record<string, unknown>;
  line: number;
}

/** Rule pages: `<rule-id>.mdx` in lint-rules/docs/rules (the overview is `index.mdx`). */
export function ruleDocPages(): string[] {
  return readdirSync(RULE_DOCS_DIR)
    .filter((file) => file.endsWith('.mdx') && file !== 'index.mdx')
    .map((file) => file.slice(0, -'.mdx'.length));
}

/** The code blocks of a rule page marked `lint="incorrect"` or `lint="correct"`. */
export function docsExamples(ruleId: string): DocsExample[] {
  const text = readFileSync(new URL(`${ruleId}.mdx`, RULE_DOCS_DIR), 'utf8');
  const tree = fromMarkdown(text, { extensions: [mdxjs()], mdastExtensions: [mdxFromMarkdown()] });
  const examples: DocsExample[] = [];
  visit(tree, 'code', (node: Code) => {
    const meta = parseMeta(node.meta ?? '');
    if (meta.lint !== 'incorrect' && meta.lint !== 'correct') return;
    examples.push({
      expectation: meta.lint,
      filename: meta.title ?? `example.${node.lang ?? 'ts'}`,
      code: node.value,
      settings: meta.settings ? (JSON.parse(meta.settings) as Record<string, unknown>) : {},
      line: node.position?.start.line ?? 0,
    });
  });
  return examples;
}

/** `title="a.ts" lint="correct" settings='{"x":1}'` → { title, lint, settings } */
function parseMeta(meta: string): Record<string, string> {
  return Object.fromEntries([...meta.matchAll(/(\w+)=(?:"([^"]*)"|'([^']*)')/g)].map((m) => [m[1]!, m[2] ?? m[3] ?? '']));
}
