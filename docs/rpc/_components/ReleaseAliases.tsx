import React from 'react';
import { SERVICE_HISTORY } from '@site/examples/rpc/service/release-n1/version-history.ts';

// The service version history of the newest release, as the table operators read aliases from.
export default function ReleaseAliases(): React.JSX.Element {
  return (
    <table>
      <thead>
        <tr>
          <th>Service version</th>
          <th>Compute RPC version</th>
          <th>Release alias</th>
        </tr>
      </thead>
      <tbody>
        {SERVICE_HISTORY.entries.map((entry) => (
          <tr key={entry.serviceVersion}>
            <td>{entry.serviceVersion}</td>
            <td>
              <code>{entry.computeRpc}</code>
            </td>
            <td>{entry.release ? <code>{entry.release}</code> : <em>none (between releases)</em>}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
