import React from 'react';
import Link from '@docusaurus/Link';
import rules from '@site/src/data/rules.json';
import styles from './RulesTable.module.css';

interface RuleSummary {
  id: string;
  description: string;
  type: string;
  presets: string[];
  fixable: boolean;
  hasSuggestions: boolean;
}

function howFixed(rule: RuleSummary): string {
  if (rule.fixable) return 'autofix';
  if (rule.hasSuggestions) return 'suggestion';
  return '';
}

/** Every rule of the plugin, from the generated src/data/rules.json. */
export default function RulesTable(): React.JSX.Element {
  const sorted = [...(rules as RuleSummary[])].sort((a, b) => a.id.localeCompare(b.id));
  return (
    <table className={styles.table}>
      <caption className={styles.caption}>{sorted.length} rules</caption>
      <thead>
        <tr>
          <th scope="col">Rule</th>
          <th scope="col">Description</th>
          <th scope="col">Presets</th>
          <th scope="col">Fix</th>
        </tr>
      </thead>
      <tbody>
        {sorted.map((rule) => (
          <tr key={rule.id}>
            <th scope="row">
              <Link to={`/rules/${rule.id}`}>
                <code>{rule.id}</code>
              </Link>
            </th>
            <td>{rule.description}</td>
            <td>
              {rule.presets.map((preset) => (
                <span key={preset} className={`${styles.badge} ${styles[preset] ?? ''}`}>
                  {preset}
                </span>
              ))}
            </td>
            <td>{howFixed(rule)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
