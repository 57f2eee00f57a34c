import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import pg from 'pg';

/** What examples need from a database connection. PGlite and `pg.Client` (through `clientDb`) both fit. */
export interface Db {
  query<Row = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<{ rows: Row[] }>;
  /** Runs a script of one or more statements (simple query protocol, no parameters). */
  exec(sql: string): Promise<unknown>;
  close(): Promise<void>;
}

export type Engine = 'pglite' | 'postgres';

/** A fresh, empty database that belongs to one test. `close()` throws it away. */
export interface TestDatabase extends Db {
  readonly engine: Engine;
  /** Server major version: 18 for PGlite 0.5, whatever DATABASE_URL points at otherwise. */
  readonly serverVersion: number;
  /**
   * A new `pg.Client`-compatible connection to this database, connected. On a server it is a
   * new backend; PGlite has a single backend, so every connection shares it.
   */
  connect(clientClass?: typeof pg.Client): Promise<pg.Client>;
}

// #region open-database
/** The engine `openDatabase()` uses: a real server when DATABASE_URL is set, PGlite otherwise. */
export const engine: Engine = process.env.DATABASE_URL ? 'postgres' : 'pglite';

/** Wraps a connected `pg.Client` as a `Db`; values parse the same way on both engines. */
export function clientDb(client: pg.Client, onClose: () => Promise<void> = () => client.end()): Db {
  return {
    query: async <Row>(sql: string, params?: unknown[]) => ({ rows: (await client.query(sql, params)).rows as Row[] }),
    exec: (sql) => client.query(sql),
    close: onClose,
  };
}

/** A fresh database on the configured engine (see `engine`). */
export function openDatabase(): Promise<TestDatabase> {
  const url = process.env.DATABASE_URL;
  return url ? openServerDatabase(url) : openPgliteDatabase();
}
// #endregion open-database

// PGlite: a new instance costs seconds, mostly initdb. A blank one is created and dumped once (the
// dump is cached under node_modules/.cache, per PGlite version); every database loads that dump.
let pgliteDump: Promise<Blob> | undefined;
const nodeModules = new URL('../../node_modules/', import.meta.url);

async function dumpCachePath(): Promise<string> {
  const { version } = JSON.parse(await readFile(new URL('@electric-sql/pglite/package.json', nodeModules), 'utf8'));
  return join(fileURLToPath(nodeModules), '.cache', 'live-upgrade-examples', `pglite-${version}-datadir.tar`);
}

async function freshPglite(): Promise<PGlite> {
  pgliteDump ??= loadOrCreateDump();
  return PGlite.create({ loadDataDir: await pgliteDump });
}

async function loadOrCreateDump(): Promise<Blob> {
  const dumpCache = await dumpCachePath();
  return readFile(dumpCache).then(
    (bytes) => new Blob([bytes]),
    async () => {
      const blank = await PGlite.create();
      const dump = await blank.dumpDataDir('none');
      await blank.close();
      await mkdir(join(dumpCache, '..'), { recursive: true });
      const partial = `${dumpCache}.${process.pid}`;
      await writeFile(partial, Buffer.from(await dump.arrayBuffer()));
      await rename(partial, dumpCache);
      return dump;
    },
  );
}

async function openPgliteDatabase(): Promise<TestDatabase> {
  const pglite = await freshPglite();
  const connect = async (clientClass: typeof pg.Client = pg.Client) => {
    // createPgConfig hands pg a connection object that speaks to PGlite in-process.
    const client = new clientClass(createPgConfig(pglite) as unknown as pg.ClientConfig);
    await client.connect();
    return client;
  };
  const main = await connect();
  return {
    ...clientDb(main, async () => {
      await main.end();
      await pglite.close();
    }),
    engine: 'pglite',
    serverVersion: await majorVersion(main),
    connect,
  };
}

let serverDatabases = 0;

async function openServerDatabase(url: string): Promise<TestDatabase> {
  const name = `examples_${process.pid}_${++serverDatabases}_${Math.random().toString(36).slice(2, 8)}`;
  await withClient(url, (admin) => admin.query(`CREATE DATABASE "${name}"`));
  const databaseUrl = new URL(url);
  databaseUrl.pathname = `/${name}`;
  const opened: pg.Client[] = [];
  const connect = async (clientClass: typeof pg.Client = pg.Client) => {
    const client = new clientClass({ connectionString: databaseUrl.href });
    await client.connect();
    opened.push(client);
    return client;
  };
  const main = await connect();
  return {
    ...clientDb(main, async () => {
      await Promise.all(opened.map((client) => client.end().catch(() => undefined)));
      await withClient(url, (admin) => admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
    }),
    engine: 'postgres',
    serverVersion: await majorVersion(main),
    connect,
  };
}

async function withClient<T>(url: string, use: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await use(client);
  } finally {
    await client.end();
  }
}

async function majorVersion(client: pg.Client): Promise<number> {
  const { rows } = await client.query(`SELECT current_setting('server_version_num')::int / 10000 AS major`);
  return rows[0].major;
}
