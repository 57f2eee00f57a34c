import React from 'react';
import CodeBlock from '@theme/CodeBlock';
import PlaygroundLink from './playground/PlaygroundLink';
import { extractRegion, languageOf } from './regions';

// Code the playground lints (configuration files have nothing to lint).
const CODE_FILE = /\.(?:ts|tsx|js|mjs|cjs|sql)$/;

export interface ExampleCodeProps {
  /** File path relative to `examples/`, e.g. `postgres/add-column/knex/001_add.ts`. */
  path: string;
  /** Named region (`// #region up` … `// #endregion up`); the whole file when omitted. */
  region?: string;
  /** Code block title; defaults to the path. */
  title?: string;
  /**
   * The file's text. The remark plugin in src/remark/example-code-check.ts adds it to every
   * <ExampleCode> of a page as a `!!raw-loader!` import, so a page bundles only the files it shows.
   */
  source?: string;
}

/** Shows code from `examples/` by file and region; a missing file or region fails the build. */
export default function ExampleCode({ path, region, title, source }: ExampleCodeProps): React.JSX.Element {
  if (source === undefined) throw new Error(`<ExampleCode path="${path}">: no source (only MDX pages get it)`);
  const code = extractRegion(source, path, region);
  return (
    <>
      <CodeBlock language={languageOf(path)} title={title ?? path}>
        {code}
      </CodeBlock>
      {/* The whole file, so that a migration shown by region still runs there. */}
      {CODE_FILE.test(path) && <PlaygroundLink code={source} file={path} />}
    </>
  );
}
