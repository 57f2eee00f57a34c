import React from 'react';
import type { LockHeld, TracedStatement } from '@site/examples/harness/lock-trace';
import type { TraceSnapshot } from '@site/examples/harness/trace-snapshot';

// pg_locks names the modes in CamelCase; the PostgreSQL docs and LOCK TABLE use these names.
const SQL_MODE: Record<string, string> = {
  AccessShareLock: 'ACCESS SHARE',
  RowShareLock: 'ROW SHARE',
  RowExclusiveLock: 'ROW EXCLUSIVE',
  ShareUpdateExclusiveLock: 'SHARE UPDATE EXCLUSIVE',
  ShareLock: 'SHARE',
  ShareRowExclusiveLock: 'SHARE ROW EXCLUSIVE',
  ExclusiveLock: 'EXCLUSIVE',
  AccessExclusiveLock: 'ACCESS EXCLUSIVE',
};

export function Mode({ mode }: { mode: string }): React.JSX.Element {
  return (
    <code title={mode} style={{ whiteSpace: 'nowrap' }}>
      {SQL_MODE[mode] ?? mode}
    </code>
  );
}

function LockList({ locks }: { locks: LockHeld[] }): React.JSX.Element {
  if (locks.length === 0) return <>none</>;
  return (
    <>
      {locks.map(({ relation, mode }, index) => (
        <React.Fragment key={`${relation} ${mode}`}>
          {index > 0 && <br />}
          {relation} <Mode mode={mode} />
        </React.Fragment>
      ))}
    </>
  );
}

function HeldLocks({ statement }: { statement: TracedStatement }): React.JSX.Element {
  if (statement.locks) return <LockList locks={statement.locks} />;
  return <>released when it ended (no transaction)</>;
}

function WhileRunning({ statement }: { statement: TracedStatement }): React.JSX.Element {
  const seen = statement.whileRunning;
  if (!seen) return <>not observed</>;
  const { waitingFor, locks, concurrentWrite } = seen;
  return (
    <>
      Waiting for{' '}
      {waitingFor.relation ? (
        <>
          <Mode mode={waitingFor.mode} /> on {waitingFor.relation}
        </>
      ) : (
        'an older transaction to end'
      )}
      .
      <br />
      Holding: <LockList locks={locks} />
      <br />
      Write from another connection: <strong>{concurrentWrite.completed ? 'went through' : 'blocked'}</strong>
    </>
  );
}

/** The writes tried from other connections, listed once under the table. */
function ConcurrentWrites({ trace }: { trace: TraceSnapshot }): React.JSX.Element | null {
  const writes = new Set(
    trace.steps.flatMap(({ statements }) =>
      statements.flatMap((statement) => statement.whileRunning?.concurrentWrite.sql ?? []),
    ),
  );
  if (writes.size === 0) return null;
  return (
    <p>
      <small>
        Write from another connection, with a one-second <code>lock_timeout</code>, rolled back:{' '}
        {[...writes].map((sql) => (
          <code key={sql}>{sql}</code>
        ))}
      </small>
    </p>
  );
}

export interface LockTraceProps {
  /** A committed `trace.<engine>.json` from an example's test. */
  trace: TraceSnapshot;
}

/** A measured lock trace: what each migration statement locked, and whether it rewrote a table. */
export default function LockTrace({ trace }: LockTraceProps): React.JSX.Element {
  const engine =
    trace.engine === 'pglite' ? `PGlite (PostgreSQL ${trace.serverVersion})` : `PostgreSQL ${trace.serverVersion}`;
  const observed = trace.steps.some(({ statements }) => statements.some((statement) => statement.whileRunning));
  return (
    <>
      <table>
        <caption>Measured on {engine}</caption>
        <thead>
          <tr>
            <th scope="col">Tool</th>
            <th scope="col">Statement</th>
            <th scope="col">Locks held right after it</th>
            {observed && <th scope="col">While it waited (seen from another connection)</th>}
            <th scope="col">Rewritten</th>
          </tr>
        </thead>
        <tbody>
          {trace.steps.flatMap(({ tool, migration, statements }) =>
            statements.map((statement, index) => (
              <tr key={`${tool} ${migration} ${index}`}>
                <th scope="row">{tool}</th>
                <td>
                  <code>{statement.sql}</code>
                  <br />
                  <small>
                    {migration}, {statement.inTransaction ? 'inside a transaction' : 'outside a transaction'}
                  </small>
                </td>
                <td>
                  <HeldLocks statement={statement} />
                </td>
                {observed && (
                  <td>
                    <WhileRunning statement={statement} />
                  </td>
                )}
                <td>{statement.rewritten.length > 0 ? `yes: ${statement.rewritten.join(', ')}` : 'no'}</td>
              </tr>
            )),
          )}
        </tbody>
      </table>
      <ConcurrentWrites trace={trace} />
    </>
  );
}
