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

function Mode({ mode }: { mode: string }): React.JSX.Element {
  return <code title={mode}>{SQL_MODE[mode] ?? mode}</code>;
}

function LockList({ locks }: { locks: LockHeld[] }): React.JSX.Element {
  if (locks.length === 0) return <>none</>;
  return (
    <ul>
      {locks.map(({ relation, mode }) => (
        <li key={`${relation} ${mode}`}>
          {relation}: <Mode mode={mode} />
        </li>
      ))}
    </ul>
  );
}

function HeldLocks({ statement }: { statement: TracedStatement }): React.JSX.Element {
  if (statement.locks) return <LockList locks={statement.locks} />;
  return <>released when the statement ended (it ran outside a transaction)</>;
}

function WhileRunning({ statement }: { statement: TracedStatement }): React.JSX.Element {
  const seen = statement.whileRunning;
  if (!seen) return <>not observed</>;
  const { waitingFor } = seen;
  return (
    <>
      <p>
        Waiting for{' '}
        {waitingFor.relation ? (
          <>
            <Mode mode={waitingFor.mode} /> on {waitingFor.relation}
          </>
        ) : (
          <>an older transaction to finish</>
        )}
        , holding:
      </p>
      <LockList locks={seen.locks} />
      <p>
        Another connection ran <code>{seen.concurrentWrite.sql}</code>:{' '}
        {seen.concurrentWrite.completed ? 'it went through.' : 'it was still waiting for its lock after one second.'}
      </p>
    </>
  );
}

export interface LockTraceProps {
  /** A committed `trace.<engine>.json` from an example's test. */
  trace: TraceSnapshot;
}

/** A measured lock trace: what each migration statement locked, and whether it rewrote a table. */
export default function LockTrace({ trace }: LockTraceProps): React.JSX.Element {
  const engine = trace.engine === 'pglite' ? `PGlite (PostgreSQL ${trace.serverVersion})` : `PostgreSQL ${trace.serverVersion}`;
  const observed = trace.steps.some(({ statements }) => statements.some((statement) => statement.whileRunning));
  return (
    <table>
      <caption>Measured on {engine}</caption>
      <thead>
        <tr>
          <th scope="col">Migration</th>
          <th scope="col">Statement</th>
          <th scope="col">Locks held after it</th>
          {observed && <th scope="col">Seen from another connection while it waited</th>}
          <th scope="col">Table rewritten</th>
        </tr>
      </thead>
      <tbody>
        {trace.steps.flatMap(({ tool, migration, statements }) =>
          statements.map((statement, index) => (
            <tr key={`${tool} ${migration} ${index}`}>
              <th scope="row">
                {tool}
                <br />
                <small>{migration}</small>
              </th>
              <td>
                <code>{statement.sql}</code>
                <br />
                <small>{statement.inTransaction ? 'inside a transaction' : 'outside a transaction'}</small>
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
  );
}
