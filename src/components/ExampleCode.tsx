import React from 'react';
import CodeBlock from '@theme/CodeBlock';
import { extractRegion, languageOf } from './regions';

interface RequireContext {
  keys(): string[];
  (key: string): string | { default: string };
}

// The bundler's require.context, which Node's types do not describe.
declare const require: {
  context(directory: string, recursive: boolean, filter: RegExp): RequireContext;
};

// Every example file is a bundler dependency, so an edited example shows up in
// the next build or on hot reload (reading files in a remark plugin goes stale
// under the persistent cache). The `?example-source` query lets the bundler
// config keep raw-loaded .json files from being parsed as JSON.
const examples = require.context(
  '!!raw-loader!@site/examples?example-source',
  true,
  /^\.\/(?!(?:.*\/)?node_modules\/).*\.(?:ts|tsx|js|mjs|cjs|sql|json|ya?ml)$/,
);

function sourceOf(path: string): string {
  const key = `./${path}`;
  if (!examples.keys().includes(key)) {
    throw new Error(`<ExampleCode>: examples/${path} does not exist (or is not a .ts/.tsx/.js/.mjs/.cjs/.sql/.json/.yml/.yaml file)`);
  }
  const loaded = examples(key);
  return typeof loaded === 'string' ? loaded : loaded.default;
}

export interface ExampleCodeProps {
  /** File path relative to `examples/`, e.g. `postgres/add-column/knex/001_add.ts`. */
  path: string;
  /** Named region (`// #region up` … `// #endregion up`); the whole file when omitted. */
  region?: string;
  /** Code block title; defaults to the path. */
  title?: string;
}

/** Shows code from `examples/` by file and region; a missing file or region fails the build. */
export default function ExampleCode({ path, region, title }: ExampleCodeProps): React.JSX.Element {
  const code = extractRegion(sourceOf(path), path, region);
  return (
    <CodeBlock language={languageOf(path)} title={title ?? path}>
      {code}
    </CodeBlock>
  );
}
