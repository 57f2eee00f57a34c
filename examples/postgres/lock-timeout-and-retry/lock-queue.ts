import { setTimeout as sleep } from 'node:timers/promises';
import type pg from 'pg';
import { waitUntilBlocked, type TestDatabase, type Waiting } from '../../harness/index.ts';

/** A plain read from another connection: it needs only ACCESS SHARE on orders. */
export const READ = 'SELECT count(*) FROM orders';
/** How long the long transaction stays open when the migration does not give up by itself. */
export const HOLD_MS = 1_500;

export interface LockQueueMeasurement {
  migration: {
    waitingFor: Waiting['waitingFor'];
    waitEventType: string;
    /** Statements of the migration seen queued for the lock: one per attempt. */
    attemptsSeenWaiting: number;
    /** From the start of the migration to its end. */
    ms: number;
  };
  /** `READ`, sent from a third connection once the migration waits. */
  reader: {
    waitingFor: Waiting['waitingFor'];
    waitEventType: string;
    waitedMs: number;
    /** Whether it finished while the long transaction was still open. */
    doneWhileBlockerOpen: boolean;
  };
  /** How long the long transaction stayed open after the migration began to wait. */
  blockerHeldMs: number;
}

/** The committed `waits.postgres.json`, which the wiki page renders. */
export interface WaitsSnapshot {
  serverVersion: number;
  lockTimeoutMs: number;
  variants: (LockQueueMeasurement & {
    tool: string;
    /** Where the retry lives: in the migration, in the code that calls the runner, or nowhere. */
    retry: 'migration' | 'runner' | 'none';
    /** The SQLSTATEs a retry around the runner caught. */
    retriedOn: string[];
  })[];
}

async function backendPid(client: pg.Client): Promise<number> {
  return (await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0].pid;
}

/**
 * A second connection reads orders in a transaction it keeps open (its ACCESS SHARE lock lasts
 * until COMMIT); `migrate` runs on backend `migrationPid` and has to wait for it. Once it waits, a
 * third connection sends `READ`. With `retries`, the long transaction stays open until the READ
 * got through and a second attempt of the migration queued; without, it stays open `HOLD_MS`.
 */
export async function measureLockQueue(
  db: TestDatabase,
  migrationPid: number,
  migrate: () => Promise<unknown>,
  { retries }: { retries: boolean },
): Promise<LockQueueMeasurement> {
  const [blocker, reader, observer] = await Promise.all([db.connect(), db.connect(), db.connect()]);
  let migrating: Promise<unknown> | undefined;
  try {
    await blocker.query('BEGIN');
    await blocker.query(READ);
    const migrationStart = performance.now();
    let migrationEnd: number | undefined;
    migrating = migrate().finally(() => (migrationEnd = performance.now()));
    const migrationDone = () => migrationEnd !== undefined;
    const firstAttempt = await waitUntilBlocked(observer, migrationPid, migrationDone);
    const waitStart = performance.now();

    const readerPid = await backendPid(reader);
    const readStart = performance.now();
    let readEnd: number | undefined;
    const reading = reader.query(READ).finally(() => (readEnd = performance.now()));
    const readerWait = await waitUntilBlocked(observer, readerPid, () => readEnd !== undefined);

    let attemptsSeenWaiting = 1;
    if (retries) {
      await Promise.race([reading, sleep(10_000).then(() => Promise.reject(new Error('The read never got through')))]);
      await waitUntilBlocked(observer, migrationPid, migrationDone, firstAttempt);
      attemptsSeenWaiting = 2;
    } else {
      await sleep(HOLD_MS);
    }
    const doneWhileBlockerOpen = readEnd !== undefined;
    const blockerHeldMs = performance.now() - waitStart;
    await blocker.query('COMMIT');
    await Promise.all([migrating, reading]);
    return {
      migration: {
        waitingFor: firstAttempt.waitingFor,
        waitEventType: firstAttempt.waitEventType,
        attemptsSeenWaiting,
        ms: migrationEnd! - migrationStart,
      },
      reader: {
        waitingFor: readerWait.waitingFor,
        waitEventType: readerWait.waitEventType,
        waitedMs: readEnd! - readStart,
        doneWhileBlockerOpen,
      },
      blockerHeldMs,
    };
  } finally {
    await blocker.query('ROLLBACK').catch(() => undefined); // a no-op once committed
    await migrating?.catch(() => undefined);
    await Promise.all([blocker.end(), reader.end(), observer.end()]);
  }
}
