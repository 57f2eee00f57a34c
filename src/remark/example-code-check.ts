// Fails the MDX compilation, with the file:line of the page, when an
// <ExampleCode path="…" region="…"/> names an example file or region that does
// not exist. It only validates: the code shown on the page always comes from the
// bundler (see src/components/ExampleCode.tsx), so this check cannot go stale.
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { extractRegion } from '../components/regions';

interface MdxNode {
  type: string;
  name?: string | null;
  attributes?: { type: string; name?: string; value?: unknown }[];
  children?: MdxNode[];
  position?: { start: { line: number; column: number } };
}

interface CheckOptions {
  /** The site root; example paths are relative to `<siteDir>/examples`. */
  siteDir: string;
}

function literalAttribute(node: MdxNode, name: string): string | undefined {
  const attribute = node.attributes?.find((a) => a.type === 'mdxJsxAttribute' && a.name === name);
  return typeof attribute?.value === 'string' ? attribute.value : undefined;
}

function* exampleCodeElements(node: MdxNode): Generator<MdxNode> {
  const isJsx = node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement';
  if (isJsx && node.name === 'ExampleCode') yield node;
  for (const child of node.children ?? []) yield* exampleCodeElements(child);
}

function problemWith(examplesDir: string, path: string, region: string | undefined): string | undefined {
  const file = join(examplesDir, path);
  if (!existsSync(file)) return `examples/${path} does not exist`;
  try {
    extractRegion(readFileSync(file, 'utf8'), path, region);
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}

export default function exampleCodeCheck({ siteDir }: CheckOptions) {
  const examplesDir = join(siteDir, 'examples');
  return (tree: MdxNode, file: { path: string }): void => {
    for (const element of exampleCodeElements(tree)) {
      const start = element.position?.start;
      const where = `${relative(siteDir, file.path)}:${start?.line ?? '?'}:${start?.column ?? '?'}`;
      const path = literalAttribute(element, 'path');
      if (path === undefined) {
        throw new Error(`${where}: <ExampleCode> needs a literal path="…" attribute`);
      }
      const problem = problemWith(examplesDir, path, literalAttribute(element, 'region'));
      if (problem) throw new Error(`${where}: <ExampleCode path="${path}">: ${problem}`);
    }
  };
}
