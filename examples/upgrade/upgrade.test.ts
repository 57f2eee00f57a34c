import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  clientDb,
  engine,
  openDatabase,
  scenarioFiles,
  sqlRunner,
  tableFingerprint,
  type Db,
  type MigrationRunner,
  type TestDatabase,
} from '../harness/index.ts';
import * as releaseN1 from '../postgres/drop-column/release-n1/users.ts';
import { createWithReleaseN, sampleUser, verifyWithReleaseN, verifyWithReleaseN1, type Resource } from './resources.ts';

const dropColumn = new URL('../postgres/drop-column/', import.meta.url);
// The migrations each release ships with (drop-column/sql/).
const RELEASE_N = ['001_create_users'];
const RELEASE_N1 = ['002_allow_users_nickname_null'];
const RELEASE_N2 = ['003_drop_users_nickname'];
// The columns release N+1 reads: no value in them may change.
const KEPT_COLUMNS = '(SELECT id, email, display_name FROM users)';
const RESOURCES = 40;

const db = await openDatabase();
afterAll(() => db.close());

/** Release N installed on an empty schema: its migrations applied, nothing else (one database per file). */
function installReleaseN(): { db: TestDatabase; runner: MigrationRunner } {
  const installed = { db } as { db: TestDatabase; runner: MigrationRunner };
  beforeAll(async () => {
    await db.exec('DROP TABLE IF EXISTS users');
    installed.runner = await sqlRunner(db, await scenarioFiles(dropColumn, 'sql'));
    await migrate(installed.runner, RELEASE_N);
  });
  afterAll(() => installed.runner?.close());
  return installed;
}

async function migrate(runner: MigrationRunner, steps: string[]): Promise<void> {
  for (const step of steps) expect(await runner.up()).toBe(step);
}

async function createResources(db: Db, label: string, count = RESOURCES): Promise<Resource[]> {
  const resources: Resource[] = [];
  for (let n = 1; n <= count; n++) resources.push(await createWithReleaseN(db, sampleUser(label, n)));
  return resources;
}

/** Release N+1's own smoke test: it signs a user up and reads it back. */
async function releaseN1SignsUp(db: Db, n: number): Promise<void> {
  const { nickname: _, ...user } = sampleUser('release-n1', n);
  const id = await releaseN1.signUp(db, user);
  expect(await releaseN1.findUser(db, id)).toEqual({ id, ...user });
}

describe('full upgrade from N to N+1', () => {
  const installed = installReleaseN();

  // #region full-upgrade
  test('every resource release N created reads back unchanged in release N+1', async () => {
    const { db, runner } = installed;
    const resources = await createResources(db, 'before');
    await verifyWithReleaseN(db, resources);
    const before = await tableFingerprint(db, KEPT_COLUMNS);

    await migrate(runner, RELEASE_N1);

    expect(await tableFingerprint(db, KEPT_COLUMNS)).toEqual(before);
    await verifyWithReleaseN1(db, resources);
    await verifyWithReleaseN(db, resources); // rolling back to N would still find them, nicknames included
    await releaseN1SignsUp(db, 1);
  });
  // #endregion full-upgrade

  test('the users release N created have NULL and repeated emails, non-ASCII and long names', async () => {
    const { rows } = await installed.db.query<Record<string, number>>(
      `SELECT count(*) FILTER (WHERE email IS NULL)::int AS "nullEmails",
              (SELECT count(*)::int FROM (SELECT email FROM users WHERE email IS NOT NULL
                                          GROUP BY email HAVING count(*) > 1) AS repeated) AS "repeatedEmails",
              count(*) FILTER (WHERE display_name ~ '[^\\x01-\\x7f]')::int AS "nonAsciiNames",
              max(length(display_name))::int AS "longestName"
       FROM users`,
    );
    const [profile] = rows;
    expect(profile.nullEmails).toBeGreaterThan(0);
    expect(profile.repeatedEmails).toBeGreaterThan(0);
    expect(profile.nonAsciiNames).toBeGreaterThan(0);
    expect(profile.longestName).toBeGreaterThan(8_000);
  });
});

/** Release N keeps signing users up on its own connection until stopped, as a worker not yet upgraded would. */
function startReleaseNWorker(db: Db) {
  const resources: Resource[] = [];
  let stopped = false;
  const loop = (async () => {
    for (let n = 1; !stopped; n++) resources.push(await createWithReleaseN(db, sampleUser('worker', n)));
  })();
  return {
    resources,
    /** Resolves once the worker has written `count` users; rejects if it failed first. */
    async until(count: number) {
      while (resources.length < count) await Promise.race([loop, sleep(5)]);
    },
    async stop() {
      stopped = true;
      await loop;
      return resources;
    },
  };
}

describe('partial upgrade: release N keeps running beside N+1', () => {
  const installed = installReleaseN();

  // #region partial-upgrade
  test.runIf(engine === 'postgres')('a release-N worker writes during and after the migration; N+1 verifies all it wrote', async () => {
    const { db, runner } = installed;
    const workerConnection = await db.connect();
    const releaseN1Connection = await db.connect();
    const worker = startReleaseNWorker(clientDb(workerConnection));
    try {
      await worker.until(10);
      const beforeMigration = worker.resources.length;
      await migrate(runner, RELEASE_N1); // on a third connection, while the worker keeps writing
      const afterMigration = worker.resources.length;
      for (let n = 1; n <= 10; n++) await releaseN1SignsUp(clientDb(releaseN1Connection), n);
      await worker.until(afterMigration + 10);
      const written = await worker.stop();

      expect(beforeMigration).toBeGreaterThanOrEqual(10);
      expect(written.length).toBeGreaterThanOrEqual(afterMigration + 10);
      await verifyWithReleaseN1(db, written);
      await verifyWithReleaseN(db, written);
    } finally {
      await worker.stop().catch(() => undefined);
      await Promise.all([workerConnection.end(), releaseN1Connection.end()]);
    }
  });
  // #endregion partial-upgrade

  test.runIf(engine === 'pglite')('PGlite has one connection: release N and N+1 take turns around the migration', async () => {
    const { db, runner } = installed;
    const written = await createResources(db, 'worker-before', 10);
    await migrate(runner, RELEASE_N1);
    written.push(...(await createResources(db, 'worker-after', 10)));
    await releaseN1SignsUp(db, 1);
    written.push(...(await createResources(db, 'worker-after-n1', 10)));
    await verifyWithReleaseN1(db, written);
    await verifyWithReleaseN(db, written);
  });
});

describe('skip-level upgrade from N to N+2', () => {
  const installed = installReleaseN();

  // #region skip-level
  test('the migrations of N+1 and N+2 at once: every resource release N created reads back in N+2', async () => {
    const { db, runner } = installed;
    const resources = await createResources(db, 'before');
    const before = await tableFingerprint(db, KEPT_COLUMNS);

    await migrate(runner, [...RELEASE_N1, ...RELEASE_N2]);

    expect(await tableFingerprint(db, KEPT_COLUMNS)).toEqual(before);
    await verifyWithReleaseN1(db, resources); // release N+2 reads users as N+1 does
    await releaseN1SignsUp(db, 1);
    // Nothing from N can run any more: no rollback to N, and no N worker left beside N+2.
    await expect(verifyWithReleaseN(db, resources)).rejects.toMatchObject({ code: '42703' }); // undefined_column
  });
  // #endregion skip-level
});
