import React, { useState } from 'react';
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
 * code blocks never prefetch the playground. The state goes into the hash when the reader points
 * at the link or focuses it, not for every block while the page loads.
 */
export default function PlaygroundLink({ code, file, settings }: PlaygroundLinkProps): React.JSX.Element {
  const playground = useBaseUrl('/playground');
  const [hash, setHash] = useState('');
  const encode = () => encodeState(stateForCode(code, { file, settings })).then((encoded) => `#${encoded}`);
  const prepare = () => {
    if (!hash) void encode().then(setHash);
  };
  const open = (event: React.MouseEvent<HTMLAnchorElement>) => {
    if (hash || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
    // Clicked before the hash was ready (a keyboard or a fast tap): follow the link once it is.
    event.preventDefault();
    void encode().then((ready) => window.location.assign(`${playground}${ready}`));
  };
  return (
    <div className={styles.link}>
      <a href={`${playground}${hash}`} data-playground-link onPointerEnter={prepare} onFocus={prepare} onClick={open}>
        Open in playground
      </a>
    </div>
  );
}
