import type pg from 'pg';
import type { TestDatabase } from './database.ts';
import type { Session, StatementObserver } from './session.ts';

export interface LockHeld {
  /** A traced table, or an index on one. */
  relation: string;
  /** As pg_locks names it: AccessShareLock … AccessExclusiveLock. */
  mode: string;
}

export interface TracedStatement {
  /** The statement as the tool sent it. */
  sql: string;
  /** Inside a transaction block, locks last until COMMIT; outside one, until the statement ends. */
  inTransaction: boolean;
  /**
   * The locks this connection held on the traced relations right after the statement, read from
   * pg_locks inside its transaction. Null outside a transaction: they were already released.
   */
  locks: LockHeld[] | null;
  /** Traced relations whose relfilenode changed: the statement wrote them out anew (a rewrite). */
  rewritten: string[];
  /** Seen from another connection while the statement waited for an older transaction. */
  whileRunning?: {
    /** The lock it was queued for: on a relation, or on an older transaction (virtualxid). */
    waitingFor: { lock: string; relation: string | null; mode: string };
    locks: LockHeld[];
    /** A write another connection tried meanwhile, and whether it got its locks within a second. */
    concurrentWrite: { sql: string; completed: boolean };
  };
}

// #region traced-relations
// One round trip: every traced relation (the tables and their indexes), its relfilenode, and the
// locks a backend holds on it. Catalog relations the probe itself locks are not traced relations.
const TRACED_RELATIONS = `
  SELECT c.relname AS relation, c.relfilenode::text AS filenode,
         coalesce(array_agg(l.mode::text ORDER BY l.mode) FILTER (WHERE l.mode IS NOT NULL), '{}') AS modes
  FROM pg_class c
  LEFT JOIN pg_index i ON i.indexrelid = c.oid
  LEFT JOIN pg_class parent ON parent.oid = i.indrelid
  LEFT JOIN pg_locks l ON l.relation = c.oid AND l.granted AND l.pid = coalesce($2, pg_backend_pid())
  WHERE c.relnamespace = current_schema()::regnamespace
    AND (c.relname = ANY($1) OR parent.relname = ANY($1))
  GROUP BY c.relname, c.relfilenode`;
// #endregion traced-relations

interface RelationState {
  relation: string;
  filenode: string;
  modes: string[];
}

type Probe = (sql: string, params: unknown[]) => Promise<{ rows: RelationState[] }>;

/**
 * What the tracer needs from the connection a tool runs on: queries it sends unobserved, and a hook
 * after each statement the tool sends. `Session` is one (on PGlite or a server); the playground's
 * worker wraps PGlite in another. This file imports only types, so it runs in a browser as well.
 */
export interface TracedConnection {
  probe: Probe;
  observe<T>(observer: StatementObserver, work: () => Promise<T>): Promise<T>;
}

async function readRelations(probe: Probe, tables: string[], pid: number | null = null) {
  return (await probe(TRACED_RELATIONS, [tables, pid])).rows;
}

function locksOf(relations: RelationState[]): LockHeld[] {
  return relations
    .flatMap(({ relation, modes }) => modes.map((mode) => ({ relation, mode })))
    .sort((a, b) => a.relation.localeCompare(b.relation) || a.mode.localeCompare(b.mode));
}

function mentionsAny(statement: string, tables: string[]): boolean {
  return tables.some((table) => new RegExp(`(^|[^\\w$])${table}($|[^\\w$])`, 'i').test(statement));
}

/**
 * Runs `work` (for example one migration step through its tool) and records every statement it
 * sends on `connection` that names one of `tables`: the locks held right after it and whether it
 * rewrote a table or index (relfilenode changed).
 */
export async function traceLocks(connection: TracedConnection, tables: string[], work: () => Promise<unknown>): Promise<TracedStatement[]> {
  const probe: Probe = (sql, params) => connection.probe(sql, params);
  const filenodes = new Map((await readRelations(probe, tables)).map((r) => [r.relation, r.filenode]));
  const trace: TracedStatement[] = [];
  await connection.observe(async (sql, inTransaction) => {
    if (!mentionsAny(sql, tables)) return;
    const relations = await readRelations(probe, tables);
    const rewritten = relations
      .filter(({ relation, filenode }) => filenodes.has(relation) && filenodes.get(relation) !== filenode)
      .map(({ relation }) => relation)
      .sort();
    for (const { relation, filenode } of relations) filenodes.set(relation, filenode);
    trace.push({ sql: sql.trim(), inTransaction, locks: inTransaction ? locksOf(relations) : null, rewritten });
  }, work);
  return trace;
}

/**
 * Like `traceLocks`, for a step that runs outside a transaction (CREATE INDEX CONCURRENTLY) on a
 * server with real sessions. Another connection keeps a write transaction open on `tables[0]`, so
 * the step has to wait for it; while it waits, a third connection reads the step's locks from
 * pg_locks and runs `write` (rolled back) to show whether writers get through. Then the open
 * transaction ends and the step finishes.
 */
export async function traceLocksWhileWaiting(
  db: TestDatabase,
  session: Session,
  options: { tables: string[]; write: string },
  work: () => Promise<unknown>,
): Promise<TracedStatement[]> {
  if (db.engine === 'pglite') throw new Error('PGlite has one session: nothing can run beside the step');
  const { tables, write } = options;
  const holder = await db.connect();
  const observer = await db.connect();
  try {
    // The lock an in-flight INSERT or UPDATE holds until it commits.
    await holder.query(`BEGIN; LOCK TABLE ${tables[0]} IN ROW EXCLUSIVE MODE`);
    let settled = false;
    const running = traceLocks(session, tables, work).finally(() => (settled = true));
    const seen = await watchWhileBlocked(observer, session.pid, () => settled, tables, write)
      .finally(() => holder.query('ROLLBACK'))
      .catch(async (error) => {
        await running.catch(() => undefined); // let the step end before reporting why watching failed
        throw error;
      });
    const trace = await running;
    const waited = trace.find((statement) => statement.sql === seen.query.trim());
    if (!waited) throw new Error(`The waiting statement is not in the trace: ${seen.query}`);
    waited.whileRunning = seen.whileRunning;
    return trace;
  } finally {
    await Promise.all([holder.end(), observer.end()]);
  }
}

async function watchWhileBlocked(observer: pg.Client, pid: number, settled: () => boolean, tables: string[], write: string) {
  const { query, waitingFor } = await waitUntilBlocked(observer, pid, settled);
  const probe: Probe = (sql, params) => observer.query(sql, params);
  const locks = locksOf(await readRelations(probe, tables, pid));
  const concurrentWrite = { sql: write, completed: await tryWrite(observer, write) };
  if ((await waitUntilBlocked(observer, pid, settled)).query !== query) {
    throw new Error('The step stopped waiting before the write was tried');
  }
  return { query, whileRunning: { waitingFor, locks, concurrentWrite } };
}

export interface Waiting {
  query: string;
  /** When the waiting statement started, to the microsecond (a statement sent again starts anew). */
  queryStart: string;
  /** As pg_stat_activity reports the wait: 'Lock' while queued for a lock. */
  waitEventType: string;
  waitingFor: { lock: string; relation: string | null; mode: string };
}

/**
 * Polls until backend `pid` waits for a lock; returns its statement and the lock it waits for.
 * With `newerThan`, only a wait in a statement that started after that one counts.
 */
export async function waitUntilBlocked(observer: pg.Client, pid: number, settled: () => boolean, newerThan?: Waiting): Promise<Waiting> {
  for (let attempt = 0; attempt < 500; attempt++) {
    const { rows } = await observer.query(
      `SELECT a.query, a.query_start::text AS "queryStart", a.wait_event_type AS "waitEventType",
              l.locktype AS lock, c.relname AS relation, l.mode
       FROM pg_stat_activity a
       JOIN pg_locks l ON l.pid = a.pid AND NOT l.granted
       LEFT JOIN pg_class c ON c.oid = l.relation
       WHERE a.pid = $1 AND a.query_start > coalesce($2::timestamptz, '-infinity')`,
      [pid, newerThan?.queryStart ?? null],
    );
    if (rows.length > 0) {
      const [{ query, queryStart, waitEventType, ...waitingFor }] = rows;
      return { query, queryStart, waitEventType, waitingFor };
    }
    if (settled()) throw new Error('The step finished without waiting for the open transaction');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`Backend ${pid} never waited for a lock`);
}

// #region try-write
/** Runs `write` in a transaction that gives up after a second of waiting for locks, then rolls back. */
export async function tryWrite(client: pg.Client, write: string): Promise<boolean> {
  try {
    await client.query(`BEGIN; SET LOCAL lock_timeout = '1s'`);
    await client.query(write);
    return true;
  } catch (error) {
    if ((error as { code?: string }).code === '55P03') return false; // lock_not_available
    throw error;
  } finally {
    await client.query('ROLLBACK');
  }
}
// #endregion try-write

/**
 * Runs `statements` in a transaction left open, tries each of `others` from another connection
 * meanwhile (`tryWrite`: did it get its locks within a second?), then rolls the transaction back.
 */
export async function completedWhileHeld(db: TestDatabase, statements: string[], others: string[]): Promise<boolean[]> {
  const [migration, other] = [await db.connect(), await db.connect()];
  try {
    await migration.query('BEGIN');
    for (const statement of statements) await migration.query(statement);
    const completed = [];
    for (const statement of others) completed.push(await tryWrite(other, statement));
    return completed;
  } finally {
    await migration.query('ROLLBACK');
    await Promise.all([migration.end(), other.end()]);
  }
}
