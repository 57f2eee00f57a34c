import React from 'react';
import Link from '@docusaurus/Link';
import { versionChanges } from '@site/src/data/postgres-versions';

const VERSIONS_PAGE = '/docs/migrations/postgres-versions';

export interface VersionNotesProps {
  /** An operation page's file name: only the changes that matter to it. All of them without it. */
  operation?: string;
}

/** The PostgreSQL releases that changed how an operation locks or rewrites, with their sources. */
export default function VersionNotes({ operation }: VersionNotesProps): React.JSX.Element {
  const changes = operation ? versionChanges.filter((change) => change.operations.includes(operation)) : versionChanges;
  if (changes.length === 0) throw new Error(`<VersionNotes>: no version change lists the operation ${operation}`);
  return (
    <table>
      <thead>
        <tr>
          <th>Version</th>
          <th>What changed</th>
          <th>Source</th>
        </tr>
      </thead>
      <tbody>
        {changes.map((change) => (
          <tr key={`${change.version} ${change.change}`}>
            <td>{change.version}</td>
            <td>
              <Link to={`${VERSIONS_PAGE}#${change.anchor}`}>{change.change}</Link>
            </td>
            <td>
              {change.source.map((source, index) => (
                <React.Fragment key={source.href}>
                  {index > 0 && ', '}
                  <a href={source.href}>{source.label}</a>
                </React.Fragment>
              ))}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
