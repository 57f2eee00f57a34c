import { PGlite } from '@electric-sql/pglite';
import { traceLocks, type TracedConnection } from '@site/examples/harness/lock-trace';
import type { StatementObserver } from '@site/examples/harness/session';
import type { PostgresError, RunRequest, RunResult, StatementResult, WorkerMessage } from './worker-protocol';

const post = (message: WorkerMessage) => postMessage(message);

function postgresError(error: unknown): PostgresError {
  const { message, detail, hint, code } = error as PostgresError;
  return { message: message ?? String(error), detail, hint, code };
}

/** PGlite as the tracer sees a connection: every statement the migration sends goes through `run`. */
class TracedPglite implements TracedConnection {
  private observer: StatementObserver | undefined;
  readonly executed: { sql: string; durationMs: number }[] = [];

  constructor(readonly db: PGlite) {}

  probe = (sql: string, params: unknown[]) => this.db.query<never>(sql, params);

  async observe<T>(observer: StatementObserver, work: () => Promise<T>): Promise<T> {
    this.observer = observer;
    try {
      return await work();
    } finally {
      this.observer = undefined;
    }
  }

  async run(sql: string, params: unknown[]): Promise<void> {
    const start = performance.now();
    // Parameters need the extended protocol (one statement); a script of several goes as a simple query.
    if (params.length > 0) await this.db.query(sql, params);
    else await this.db.exec(sql);
    this.executed.push({ sql, durationMs: performance.now() - start });
    await this.observer?.(sql, this.db.isInTransaction());
  }
}

const started = performance.now();
const database = PGlite.create().then(
  (db) => {
    post({ type: 'ready', startMs: performance.now() - started });
    return db;
  },
  (error) => {
    post({ type: 'failed', error: postgresError(error) });
    throw error;
  },
);

async function run({ schema, statements, transaction }: RunRequest): Promise<RunResult> {
  const db = await database;
  if (db.isInTransaction()) await db.exec('ROLLBACK');
  try {
    await db.exec(`DROP SCHEMA public CASCADE; CREATE SCHEMA public; ${schema}`);
  } catch (error) {
    return { schemaError: postgresError(error), statements: [], tables: [] };
  }
  const { rows } = await db.query<{ relname: string }>(
    `SELECT relname FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relkind IN ('r', 'p') ORDER BY relname`,
  );
  const tables = rows.map(({ relname }) => relname);
  const connection = new TracedPglite(db);
  let error: RunResult['error'];
  let current = '';
  const trace = await traceLocks(connection, tables, async () => {
    try {
      if (transaction) await db.exec('BEGIN');
      for (const { sql, params } of statements) {
        current = sql;
        await connection.run(sql, params);
      }
      if (transaction) await db.exec('COMMIT');
    } catch (failure) {
      const rolledBack = db.isInTransaction();
      error = { ...postgresError(failure), sql: current, rolledBack };
      if (rolledBack) await db.exec('ROLLBACK');
    }
  });
  // The tracer records the statements that name a traced table, in the order they ran.
  let next = 0;
  const results: StatementResult[] = connection.executed.map(({ sql, durationMs }) => {
    const traced = trace[next]?.sql === sql.trim() ? trace[next++] : undefined;
    return { sql: sql.trim(), durationMs, trace: traced };
  });
  return { statements: results, error, tables };
}

addEventListener('message', async (event: MessageEvent<{ id: number; request: RunRequest }>) => {
  const { id, request } = event.data;
  post({ type: 'result', id, result: await run(request) });
});
