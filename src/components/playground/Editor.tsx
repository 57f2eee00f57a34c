import React, { useRef } from 'react';
import styles from './playground.module.css';

interface EditorProps {
  value: string;
  onChange: (value: string) => void;
  label: string;
  rows?: number;
}

/** A plain textarea with line numbers (reports point at lines), scrolled together. */
export default function Editor({ value, onChange, label, rows = 18 }: EditorProps): React.JSX.Element {
  const gutter = useRef<HTMLPreElement>(null);
  const lines = value.split('\n').length;
  return (
    <div className={styles.editor}>
      <pre ref={gutter} className={styles.gutter} aria-hidden="true">
        {Array.from({ length: lines }, (_, index) => index + 1).join('\n')}
      </pre>
      <textarea
        aria-label={label}
        className={styles.textarea}
        value={value}
        rows={rows}
        spellCheck={false}
        autoCapitalize="off"
        autoCorrect="off"
        onChange={(event) => onChange(event.target.value)}
        onScroll={(event) => {
          if (gutter.current) gutter.current.scrollTop = event.currentTarget.scrollTop;
        }}
        onKeyDown={(event) => {
          if (event.key !== 'Tab') return;
          // Tab indents instead of leaving the editor.
          event.preventDefault();
          const { selectionStart, selectionEnd } = event.currentTarget;
          const next = `${value.slice(0, selectionStart)}  ${value.slice(selectionEnd)}`;
          onChange(next);
          requestAnimationFrame(() => event.currentTarget?.setSelectionRange(selectionStart + 2, selectionStart + 2));
        }}
      />
    </div>
  );
}
