import React from 'react';
import rules from '@site/src/data/rules.json';

interface RuleOption {
  name: string;
  type: string;
  description: string;
  default?: unknown;
}

interface RuleSummary {
  id: string;
  description: string;
  presets: string[];
  severity: string;
  fixable: boolean;
  hasSuggestions: boolean;
  options: RuleOption[];
  source: string;
  sourceUrl: string;
}

/** The part of a rule page that rule metadata already says: description, presets, fixes, options, source. */
export default function RuleHeader({ id }: { id: string }): React.JSX.Element {
  const rule = (rules as RuleSummary[]).find((candidate) => candidate.id === id);
  if (!rule) throw new Error(`RuleHeader: no rule "${id}" in src/data/rules.json (run npm run generate)`);
  return (
    <section aria-label="Rule summary">
      <p>
        <strong>{rule.description}.</strong>
      </p>
      <ul>
        <li>
          Presets: {rule.presets.map((preset) => <code key={preset}>{preset}</code>).reduce<React.ReactNode[]>((all, item) => (all.length ? [...all, ', ', item] : [item]), [])}
          {rule.severity === 'warn' ? ' (as a warning)' : ''}
        </li>
        {rule.fixable && <li>Fixes its reports itself (the fix cannot change what the migration does).</li>}
        {rule.hasSuggestions && <li>Offers a suggestion to review in the editor.</li>}
        <li>
          Config: <code>{`'live-upgrade/${rule.id}': 'error'`}</code>
        </li>
        <li>
          Source: <a href={rule.sourceUrl}>{rule.source}</a>
        </li>
      </ul>
      {rule.options.length > 0 && (
        <table>
          <caption>Options</caption>
          <thead>
            <tr>
              <th scope="col">Option</th>
              <th scope="col">Type</th>
              <th scope="col">Default</th>
              <th scope="col">Description</th>
            </tr>
          </thead>
          <tbody>
            {rule.options.map((option) => (
              <tr key={option.name}>
                <td>
                  <code>{option.name}</code>
                </td>
                <td>{option.type}</td>
                <td>
                  <code>{JSON.stringify(option.default)}</code>
                </td>
                <td>{option.description}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
