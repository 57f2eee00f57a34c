import React, { useEffect, useRef, useState } from 'react';
import Editor from './Editor';
import Reports, { applyEdit } from './Reports';
import RunResults from './RunResults';
import { WorkerPostgres } from './postgres';
import { DEFAULT_SCHEMA, SAMPLE_MIGRATIONS } from './samples';
import { decodeState, encodeState, type PlaygroundState } from './state';
import { TOOLS, type Tool } from './tools';
import type { LintMessage } from './lint';
import type { RunRequest, RunResult } from './worker-protocol';
import styles from './playground.module.css';

type LintModule = typeof import('./lint');

const DEFAULT_STATE: PlaygroundState = { tool: 'knex', code: SAMPLE_MIGRATIONS.knex, preset: 'recommended', postgresVersion: 15 };
const POSTGRES_VERSIONS = [11, 12, 13, 14, 15, 16, 17, 18];

function useDebounced<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

function filenameOf({ file, tool }: PlaygroundState): string {
  return file?.split('/').pop() ?? `20240101000000_playground.${TOOLS[tool].extension}`;
}

/** The statements to run and whether the tool's migrator wraps them in a transaction. */
async function compile(state: PlaygroundState, lint: LintModule): Promise<Omit<RunRequest, 'schema'>> {
  if (state.tool === 'knex') return (await import('./compile')).compileKnex(state.code);
  if (state.tool === 'kysely') {
    const kyselySettings = state.settings?.kysely as { disableTransactions?: boolean } | undefined;
    return (await import('./compile')).compileKysely(state.code, kyselySettings);
  }
  const statements = lint.sqlStatements(state.code).map((sql) => ({ sql, params: [] }));
  // A script with its own transaction control, or a statement that cannot run in a transaction block.
  const standalone = statements.some(({ sql }) => /^\s*(BEGIN|START\s+TRANSACTION|COMMIT)\b|\bCONCURRENTLY\b/i.test(sql));
  return { statements, transaction: !standalone };
}

export default function Playground(): React.JSX.Element {
  const [state, setState] = useState<PlaygroundState | undefined>();
  const [lint, setLint] = useState<LintModule>();
  const [messages, setMessages] = useState<LintMessage[]>();
  const [lintError, setLintError] = useState<string>();
  const postgres = useRef<WorkerPostgres>(undefined);
  const [timings, setTimings] = useState<{ linter?: number; postgres?: number }>({});
  const [postgresError, setPostgresError] = useState<string>();
  const [running, setRunning] = useState(false);
  const [result, setResult] = useState<RunResult>();
  const [runError, setRunError] = useState<string>();

  useEffect(() => {
    const encoded = window.location.hash.slice(1);
    (encoded ? decodeState(encoded) : Promise.resolve({})).then(
      (linked) => setState({ ...DEFAULT_STATE, ...linked }),
      () => setState(DEFAULT_STATE),
    );
    import('./lint').then((module) => {
      setTimings((current) => ({ ...current, linter: performance.now() }));
      setLint(module);
    }, (error: Error) => setLintError(error.message));
    const worker = new WorkerPostgres();
    postgres.current = worker;
    worker.ready.then((at) => setTimings((current) => ({ ...current, postgres: at })), (error: Error) => setPostgresError(error.message));
    return () => worker.terminate();
  }, []);

  const settled = useDebounced(state, 250);
  useEffect(() => {
    if (!settled) return;
    encodeState(settled).then((encoded) => window.history.replaceState(null, '', `#${encoded}`));
    if (!lint) return;
    try {
      setMessages(lint.lintMigration({ ...settled, filename: filenameOf(settled) }));
      setLintError(undefined);
    } catch (error) {
      setLintError((error as Error).message);
    }
  }, [settled, lint]);

  if (!state) return <p>Loading…</p>;
  const update = (change: Partial<PlaygroundState>) => setState({ ...state, ...change });
  const pickTool = (tool: Tool) => update({ tool, code: SAMPLE_MIGRATIONS[tool], file: undefined, settings: undefined });

  async function run() {
    if (!state || !lint || !postgres.current) return;
    setRunning(true);
    setRunError(undefined);
    setResult(undefined);
    try {
      const compiled = await compile(state, lint);
      setResult(await postgres.current.run({ ...compiled, schema: state.schema ?? DEFAULT_SCHEMA }));
    } catch (error) {
      setRunError((error as Error).message);
    } finally {
      setRunning(false);
    }
  }

  return (
    <div
      className={styles.playground}
      data-linter-ready-ms={timings.linter?.toFixed(0)}
      data-postgres-ready-ms={timings.postgres?.toFixed(0)}
    >
      <div className={styles.controls}>
        <label>
          Tool{' '}
          <select value={state.tool} onChange={(event) => pickTool(event.target.value as Tool)}>
            {Object.entries(TOOLS).map(([tool, { label }]) => (
              <option key={tool} value={tool}>
                {label}
              </option>
            ))}
          </select>
        </label>
        <label>
          Preset{' '}
          <select value={state.preset} onChange={(event) => update({ preset: event.target.value as PlaygroundState['preset'] })}>
            <option value="recommended">recommended</option>
            <option value="strict">strict</option>
            <option value="all">all</option>
          </select>
        </label>
        <label>
          <code>postgresVersion</code>{' '}
          <select value={state.postgresVersion} onChange={(event) => update({ postgresVersion: Number(event.target.value) })}>
            {POSTGRES_VERSIONS.map((version) => (
              <option key={version} value={version}>
                {version}
              </option>
            ))}
          </select>
        </label>
        <span>{filenameOf(state)}</span>
      </div>
      <Editor label="Migration" value={state.code} onChange={(code) => update({ code })} />
      <h2>Reports</h2>
      {lintError ? <div className="alert alert--danger">{lintError}</div> : <Reports messages={lint ? messages : undefined} namespace={lint?.PLUGIN_NAMESPACE} onApply={(edit) => update({ code: applyEdit(state.code, edit) })} />}
      <h2>Run it on Postgres</h2>
      <p>
        The migration runs on PGlite (Postgres 18 compiled to WebAssembly) in this page, on the sample schema below. Knex and
        Kysely build the SQL with their own library, without a connection; their migrators run a migration in one transaction,
        and so does a SQL script unless it has its own <code>BEGIN</code>/<code>COMMIT</code> or a <code>CONCURRENTLY</code> statement.
      </p>
      {TOOLS[state.tool].runs ? (
        <button type="button" className={`button button--primary ${styles.run}`} onClick={run} disabled={running || !lint || timings.postgres === undefined}>
          {running ? 'Running…' : timings.postgres === undefined ? 'Starting Postgres…' : 'Run the migration'}
        </button>
      ) : (
        <p className="alert alert--info" data-testid="run-unavailable">
          Only SQL, Knex and Kysely migrations run in the page; {TOOLS[state.tool].label} migrations are linted only.
        </p>
      )}
      {postgresError && <div className="alert alert--danger">{postgresError}</div>}
      {runError && (
        <div className="alert alert--danger" role="alert" data-testid="run-error">
          {runError}
        </div>
      )}
      {result && <RunResults result={result} />}
      <details>
        <summary>Sample schema and data</summary>
        <Editor label="Sample schema" rows={14} value={state.schema ?? DEFAULT_SCHEMA} onChange={(schema) => update({ schema })} />
      </details>
    </div>
  );
}
