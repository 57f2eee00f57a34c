import React, { useMemo } from 'react';
import CodeBlock from '@theme-original/CodeBlock';
import type CodeBlockType from '@theme/CodeBlock';
import type { WrapperProps } from '@docusaurus/types';
import PlaygroundLink from '@site/src/components/playground/PlaygroundLink';

type Props = WrapperProps<typeof CodeBlockType>;

/** `title="a.ts" lint="correct" settings='{"x":1}'` → { title, lint, settings } */
function parseMeta(meta: string): Record<string, string> {
  return Object.fromEntries([...meta.matchAll(/(\w+)=(?:"([^"]*)"|'([^']*)')/g)].map((m) => [m[1]!, m[2] ?? m[3] ?? '']));
}

/** A rule page's ❌/✅ blocks (`lint="incorrect"` / `lint="correct"`) get an "Open in playground" link. */
export default function CodeBlockWrapper(props: Props): React.JSX.Element {
  const meta = parseMeta(props.metastring ?? '');
  const settings = useMemo(() => (meta.settings ? (JSON.parse(meta.settings) as Record<string, unknown>) : undefined), [meta.settings]);
  if (meta.lint !== 'incorrect' && meta.lint !== 'correct') return <CodeBlock {...props} />;
  return (
    <>
      <CodeBlock {...props} />
      <PlaygroundLink code={String(props.children).replace(/\n$/, '')} file={meta.title} settings={settings} />
    </>
  );
}
