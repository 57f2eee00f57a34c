import React from 'react';
import type { LockHeld } from '@site/examples/harness/lock-trace';
import type { PostgresError, RunResult, StatementResult } from './worker-protocol';
import styles from './playground.module.css';

function ErrorBox({ title, error }: { title: string; error: PostgresError & { sql?: string } }): React.JSX.Element {
  return (
    <div className="alert alert--danger" role="alert" data-testid="postgres-error">
      <strong>{title}</strong> {error.code && <code>{error.code}</code>} {error.message}
      {error.detail && <div>Detail: {error.detail}</div>}
      {error.hint && <div>Hint: {error.hint}</div>}
      {error.sql && <pre className={styles.statement}>{error.sql}</pre>}
    </div>
  );
}

function Locks({ locks }: { locks: LockHeld[] | null }): React.JSX.Element {
  if (!locks) return <>released when it ended (no transaction)</>;
  if (locks.length === 0) return <>none</>;
  return (
    <>
      {locks.map(({ relation, mode }) => (
        <div key={`${relation} ${mode}`}>
          {relation} <code>{mode}</code>
        </div>
      ))}
    </>
  );
}

function Row({ statement, index }: { statement: StatementResult; index: number }): React.JSX.Element {
  const { sql, durationMs, trace } = statement;
  return (
    <tr>
      <td>{index + 1}</td>
      <td>
        <pre className={styles.statement}>{sql}</pre>
      </td>
      <td data-testid="locks">{trace ? <Locks locks={trace.locks} /> : 'names no table of the schema'}</td>
      <td>{trace ? (trace.rewritten.length > 0 ? <strong>{trace.rewritten.join(', ')}</strong> : 'no') : ''}</td>
      <td>{durationMs.toFixed(1)} ms</td>
    </tr>
  );
}

/** Per statement: the locks it holds on each table and index, whether it rewrote them, its duration. */
export default function RunResults({ result }: { result: RunResult }): React.JSX.Element {
  if (result.schemaError) return <ErrorBox title="The sample schema failed:" error={result.schemaError} />;
  return (
    <div data-testid="run-results">
      <div className={styles.results}>
        <table>
          <thead>
            <tr>
              <th>#</th>
              <th>Statement</th>
              <th>Locks held right after it</th>
              <th>Rewritten</th>
              <th>Duration</th>
            </tr>
          </thead>
          <tbody>
            {result.statements.map((statement, index) => (
              <Row key={index} statement={statement} index={index} />
            ))}
          </tbody>
        </table>
      </div>
      {result.error && (
        <ErrorBox
          title={result.error.rolledBack ? 'Postgres refused a statement; its transaction was rolled back:' : 'Postgres refused a statement:'}
          error={result.error}
        />
      )}
      <p>
        <small>Traced tables: {result.tables.join(', ') || 'none'}.</small>
      </p>
    </div>
  );
}
