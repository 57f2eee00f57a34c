import React from 'react';
import useBaseUrl from '@docusaurus/useBaseUrl';
import type { LintMessage } from './lint';
import styles from './playground.module.css';

interface Edit {
  range: [number, number];
  text: string;
}

interface ReportsProps {
  messages: LintMessage[] | undefined;
  /** The plugin's prefix of rule ids (`live-upgrade`). */
  namespace: string | undefined;
  onApply: (edit: Edit) => void;
}

/** The plugin's reports: rule (linked to its page), message, position, and its fix and suggestions. */
export default function Reports({ messages, namespace, onApply }: ReportsProps): React.JSX.Element {
  const rulesUrl = useBaseUrl('/rules/');
  if (!messages || !namespace) return <p>Loading the linter…</p>;
  if (messages.length === 0) return <p data-testid="no-reports">No reports: the plugin finds nothing to change here.</p>;
  return (
    <ul className={styles.reports} data-testid="reports">
      {messages.map((message, index) => {
        const rule = message.ruleId?.startsWith(`${namespace}/`) ? message.ruleId.slice(namespace.length + 1) : undefined;
        return (
          <li key={index} className={message.severity === 2 ? styles.error : styles.warning}>
            <code>
              {message.line}:{message.column}
            </code>{' '}
            {rule ? (
              <a href={`${rulesUrl}${rule}`} data-rule={message.ruleId}>
                {message.ruleId}
              </a>
            ) : (
              <strong>{message.ruleId ?? (message.fatal ? 'parse error' : 'eslint')}</strong>
            )}{' '}
            {message.message}
            {message.fix && (
              <button type="button" className="button button--sm button--secondary" onClick={() => onApply(message.fix!)}>
                Apply the fix
              </button>
            )}
            {message.suggestions?.map((suggestion) => (
              <button
                key={suggestion.desc}
                type="button"
                className="button button--sm button--secondary"
                onClick={() => onApply(suggestion.fix)}
              >
                {suggestion.desc}
              </button>
            ))}
          </li>
        );
      })}
    </ul>
  );
}

export function applyEdit(code: string, { range, text }: Edit): string {
  return code.slice(0, range[0]) + text + code.slice(range[1]);
}
