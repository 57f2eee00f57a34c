import pg from 'pg';
import type { TestDatabase } from './database.ts';

/** Called after each statement a tool sends, before the tool sees the result (so before its next statement). */
export type StatementObserver = (statement: string, inTransaction: boolean) => Promise<void>;

/** A `pg.Client` that lets an observer run queries on the same connection between the tool's statements. */
class ObservedClient extends pg.Client {
  observer: StatementObserver | undefined;

  /** A query that is not itself observed (for the observer's own probes). */
  probe<Row extends pg.QueryResultRow>(sql: string, params?: unknown[]): Promise<pg.QueryResult<Row>> {
    return super.query<Row>(sql, params);
  }

  // pg's overloads take (text | config, values?, callback?); Knex uses callbacks, Kysely promises.
  override query(...args: any[]): any {
    const observer = this.observer;
    const [first] = args;
    if (!observer || typeof first?.submit === 'function') return (super.query as any)(...args);
    const callback = typeof args.at(-1) === 'function' ? args.pop() : undefined;
    const statement: string = typeof first === 'string' ? first : first.text;
    const result = (super.query as any)(...args).then(async (value: unknown) => {
      await observer(statement, this.getTransactionStatus() === 'T');
      return value;
    });
    if (!callback) return result;
    result.then((value: unknown) => callback(null, value), (error: unknown) => callback(error));
  }
}

export type SessionClient = ObservedClient & { release(destroy?: boolean): void };

/**
 * One database connection that a migration tool runs on, shaped like a `pg.Pool` of size one so
 * that Knex (`connectionPool`) and Kysely (`PostgresDialect({ pool })`) accept it. Tracers watch the
 * statements the tool sends through `observe()`, on the same connection, without changing the tool.
 */
export class Session {
  private borrowed: Promise<void> = Promise.resolve();
  private ended = false;
  // pg.Pool's counters, which Knex's typings ask for.
  readonly totalCount = 1;
  idleCount = 1;
  waitingCount = 0;

  private constructor(
    readonly client: SessionClient,
    /** The backend process id, to find this connection in pg_locks from another one. */
    readonly pid: number,
  ) {}

  static async open(db: TestDatabase): Promise<Session> {
    const client = (await db.connect(ObservedClient)) as SessionClient;
    const { rows } = await client.query('SELECT pg_backend_pid() AS pid');
    return new Session(client, rows[0].pid);
  }

  /** Hands out the connection once the previous borrower released it (what a pool of one does). */
  async connect(): Promise<SessionClient> {
    const previous = this.borrowed;
    let release!: () => void;
    this.borrowed = new Promise((resolve) => (release = resolve));
    this.waitingCount++;
    await previous;
    this.waitingCount--;
    this.idleCount = 0;
    this.client.release = () => {
      this.idleCount = 1;
      release();
    };
    return this.client;
  }

  /** Runs `work` with `observer` called after each statement sent on this connection. */
  async observe<T>(observer: StatementObserver, work: () => Promise<T>): Promise<T> {
    if (this.client.observer) throw new Error('This session is already observed');
    this.client.observer = observer;
    try {
      return await work();
    } finally {
      this.client.observer = undefined;
    }
  }

  /** Runs a query that observers do not see. */
  probe<Row extends pg.QueryResultRow>(sql: string, params?: unknown[]): Promise<pg.QueryResult<Row>> {
    return this.client.probe<Row>(sql, params);
  }

  /** Closes the connection (Kysely's `destroy()` calls this too). */
  async end(): Promise<void> {
    if (this.ended) return;
    this.ended = true;
    await this.client.end();
  }
}

/**
 * Runs `work` with `client_min_messages = debug1` on the session, collecting the server's notices
 * into `messages`: SET NOT NULL, for one, says there whether it scanned the table.
 */
export async function withDebugMessages<T>(session: Session, messages: string[], work: () => Promise<T>): Promise<T> {
  const listen = (notice: { message?: string }) => messages.push(notice.message ?? '');
  session.client.on('notice', listen);
  await session.probe('SET client_min_messages = debug1');
  try {
    return await work();
  } finally {
    await session.probe('RESET client_min_messages');
    session.client.off('notice', listen);
  }
}
