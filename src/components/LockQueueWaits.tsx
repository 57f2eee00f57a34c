import React from 'react';
import type { WaitsSnapshot } from '@site/examples/postgres/lock-timeout-and-retry/lock-queue';
import { Mode } from './LockTrace';

const RETRY: Record<WaitsSnapshot['variants'][number]['retry'], string> = {
  none: 'none, no lock_timeout',
  migration: 'in the migration',
  runner: 'around the runner',
};

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

export interface LockQueueWaitsProps {
  /** The committed `waits.postgres.json` of the lock-timeout-and-retry example. */
  waits: WaitsSnapshot;
}

/** The measured lock queue: how long a plain SELECT waited behind each variant of the migration. */
export default function LockQueueWaits({ waits }: LockQueueWaitsProps): React.JSX.Element {
  return (
    <table>
      <caption>
        Measured on PostgreSQL {waits.serverVersion}, <code>lock_timeout</code> = {seconds(waits.lockTimeoutMs)} in the
        safe migrations
      </caption>
      <thead>
        <tr>
          <th scope="col">Migration</th>
          <th scope="col">Retry</th>
          <th scope="col">Queued for (attempts seen waiting)</th>
          <th scope="col">Plain SELECT from a third connection</th>
          <th scope="col">Long transaction still open after the migration queued</th>
          <th scope="col">Migration took</th>
        </tr>
      </thead>
      <tbody>
        {waits.variants.map(({ tool, retry, migration, reader, blockerHeldMs, retriedOn }) => (
          <tr key={tool}>
            <th scope="row">{tool}</th>
            <td>
              {RETRY[retry]}
              {retriedOn.length > 0 && (
                <>
                  <br />
                  <small>caught: {retriedOn.join(', ')}</small>
                </>
              )}
            </td>
            <td>
              <Mode mode={migration.waitingFor.mode} /> on {migration.waitingFor.relation} ({migration.attemptsSeenWaiting})
            </td>
            <td>
              queued for <Mode mode={reader.waitingFor.mode} /> (wait_event_type <code>{reader.waitEventType}</code>),{' '}
              <strong>waited {seconds(reader.waitedMs)}</strong>,{' '}
              {reader.doneWhileBlockerOpen ? 'done while the long transaction was still open' : 'done only after it ended'}
            </td>
            <td>{seconds(blockerHeldMs)}</td>
            <td>{seconds(migration.ms)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
