import ts from 'typescript';
import knex, { type Knex } from 'knex';
import * as kysely from 'kysely';
import { CompiledQuery, Kysely, PostgresAdapter, PostgresIntrospector, PostgresQueryCompiler, type DatabaseConnection, type Driver } from 'kysely';

/** A statement as the tool would send it to Postgres, with its bound parameters. */
export interface Statement {
  sql: string;
  params: unknown[];
}

export interface CompiledMigration {
  statements: Statement[];
  /** Whether the tool's migrator wraps the migration in a transaction. */
  transaction: boolean;
}

interface MigrationModule {
  up?: (db: unknown) => Promise<unknown>;
  config?: { transaction?: boolean };
}

// The migration's imports: only the tool's own library is there (types vanish when transpiled).
function evaluate(code: string, libraries: Record<string, unknown>): MigrationModule {
  const { outputText } = ts.transpileModule(code, {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
  });
  const require = (name: string) => {
    if (name in libraries) return libraries[name];
    throw new Error(`The playground runs migrations that import only ${Object.keys(libraries).join(' or ')}, not '${name}'`);
  };
  const module = { exports: {} as MigrationModule };
  new Function('module', 'exports', 'require', outputText)(module, module.exports, require);
  if (typeof module.exports.up !== 'function') throw new Error('The migration exports no up() function');
  return module.exports;
}

/**
 * Knex's own SQL for the migration's `up`, built without a connection: a pg client whose queries
 * are recorded instead of sent (and answer with no rows). Knex's migrator runs each migration in a
 * transaction unless it exports `config = { transaction: false }`.
 */
export async function compileKnex(code: string): Promise<CompiledMigration> {
  const migration = evaluate(code, { knex });
  const statements: Statement[] = [];
  const PostgresClient = knex({ client: 'pg' }).client.constructor as new (config: Knex.Config) => Knex.Client;
  class RecordingClient extends PostgresClient {
    override acquireConnection() {
      return Promise.resolve({});
    }
    override releaseConnection() {
      return Promise.resolve();
    }
    _query(_connection: unknown, query: { sql: string; bindings?: unknown[]; response?: unknown }) {
      statements.push({ sql: query.sql, params: query.bindings ?? [] });
      query.response = { rows: [], rowCount: 0, command: 'SELECT' };
      return Promise.resolve(query);
    }
  }
  const instance = knex({ client: RecordingClient as never });
  await migration.up!(instance);
  await instance.destroy();
  return { statements, transaction: migration.config?.transaction !== false };
}

/** A Kysely driver that records the compiled queries instead of sending them. */
class RecordingDriver implements Driver {
  constructor(private readonly statements: Statement[]) {}
  private readonly connection: DatabaseConnection = {
    executeQuery: async (query) => {
      this.statements.push({ sql: query.sql, params: [...query.parameters] });
      return { rows: [] };
    },
    streamQuery: () => {
      throw new Error('Streaming is not recorded');
    },
  };
  async init() {}
  async acquireConnection() {
    return this.connection;
  }
  async beginTransaction(connection: DatabaseConnection) {
    await connection.executeQuery(CompiledQuery.raw('BEGIN'));
  }
  async commitTransaction(connection: DatabaseConnection) {
    await connection.executeQuery(CompiledQuery.raw('COMMIT'));
  }
  async rollbackTransaction(connection: DatabaseConnection) {
    await connection.executeQuery(CompiledQuery.raw('ROLLBACK'));
  }
  async releaseConnection() {}
  async destroy() {}
}

/**
 * Kysely's own SQL for the migration's `up`, compiled by its Postgres query compiler with a driver
 * that records instead of connecting. Its Migrator runs each migration in a transaction on
 * Postgres unless `disableTransactions` is set.
 */
export async function compileKysely(code: string, options: { disableTransactions?: boolean } = {}): Promise<CompiledMigration> {
  const migration = evaluate(code, { kysely });
  const statements: Statement[] = [];
  const db = new Kysely<unknown>({
    dialect: {
      createAdapter: () => new PostgresAdapter(),
      createDriver: () => new RecordingDriver(statements),
      createIntrospector: (instance) => new PostgresIntrospector(instance),
      createQueryCompiler: () => new PostgresQueryCompiler(),
    },
  });
  await migration.up!(db);
  await db.destroy();
  return { statements, transaction: !options.disableTransactions };
}
