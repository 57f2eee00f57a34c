import React, { useEffect, useState } from 'react';
import useBaseUrl from '@docusaurus/useBaseUrl';
import { encodeState, stateForCode } from './state';
import styles from './link.module.css';

interface PlaygroundLinkProps {
  code: string;
  /** The file name the code is linted under (its extension picks TypeScript or SQL). */
  file?: string;
  settings?: Record<string, unknown>;
}

/**
 * "Open in playground" under a code block. A plain link (a full page load), so that pages with
 * code blocks never prefetch the playground; the state is in the hash, computed in the browser.
 */
export default function PlaygroundLink({ code, file, settings }: PlaygroundLinkProps): React.JSX.Element {
  const playground = useBaseUrl('/playground');
  const [hash, setHash] = useState('');
  useEffect(() => {
    encodeState(stateForCode(code, { file, settings })).then((encoded) => setHash(`#${encoded}`));
  }, [code, file, settings]);
  return (
    <div className={styles.link}>
      <a href={`${playground}${hash}`} data-playground-link>
        Open in playground
      </a>
    </div>
  );
}
