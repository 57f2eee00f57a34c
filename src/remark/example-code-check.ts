// Fails the MDX compilation, with the file:line of the page, when an
// <ExampleCode path="…" region="…"/> names an example file or region that does
// not exist, and gives each element its file's source as a bundler import
// (`source={…}`): the page bundles only the files it shows, and an edited example
// still reaches the next build, since the bundler, not this plugin, reads it.
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { extractRegion } from '../components/regions';

interface MdxNode {
  type: string;
  name?: string | null;
  attributes?: { type: string; name?: string; value?: unknown; data?: unknown }[];
  children?: MdxNode[];
  position?: { start: { line: number; column: number } };
  value?: string;
  data?: unknown;
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

/** `import <name> from '!!raw-loader!@site/examples/<path>?example-source'` as an MDX ESM node. */
function sourceImport(name: string, path: string): MdxNode {
  const request = `!!raw-loader!@site/examples/${path}?example-source`;
  const declaration = {
    type: 'ImportDeclaration',
    specifiers: [{ type: 'ImportDefaultSpecifier', local: { type: 'Identifier', name } }],
    source: { type: 'Literal', value: request, raw: JSON.stringify(request) },
    attributes: [],
  };
  return { type: 'mdxjsEsm', value: '', data: { estree: { type: 'Program', sourceType: 'module', body: [declaration] } } };
}

/** `source={<name>}` as an MDX JSX attribute. */
function sourceAttribute(name: string) {
  const expression = { type: 'ExpressionStatement', expression: { type: 'Identifier', name } };
  return {
    type: 'mdxJsxAttribute',
    name: 'source',
    value: { type: 'mdxJsxAttributeValueExpression', value: name, data: { estree: { type: 'Program', sourceType: 'module', body: [expression] } } },
  };
}

export default function exampleCodeCheck({ siteDir }: CheckOptions) {
  const examplesDir = join(siteDir, 'examples');
  return (tree: MdxNode, file: { path: string }): void => {
    const imports = new Map<string, string>(); // example path -> imported name
    for (const element of exampleCodeElements(tree)) {
      const start = element.position?.start;
      const where = `${relative(siteDir, file.path)}:${start?.line ?? '?'}:${start?.column ?? '?'}`;
      const path = literalAttribute(element, 'path');
      if (path === undefined) {
        throw new Error(`${where}: <ExampleCode> needs a literal path="…" attribute`);
      }
      const problem = problemWith(examplesDir, path, literalAttribute(element, 'region'));
      if (problem) throw new Error(`${where}: <ExampleCode path="${path}">: ${problem}`);
      if (!imports.has(path)) imports.set(path, `exampleSource${imports.size}`);
      element.attributes = [...(element.attributes ?? []), sourceAttribute(imports.get(path)!)];
    }
    tree.children = [...[...imports].map(([path, name]) => sourceImport(name, path)), ...(tree.children ?? [])];
  };
}
