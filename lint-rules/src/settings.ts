/** `settings['live-upgrade']` in the user's ESLint config. */
export interface LiveUpgradeSettings {
  /** The oldest Postgres major version the migrations run on. */
  postgresVersion: number;
  /** 'connection' when every migration connection sets lock_timeout (pool or role config). */
  lockTimeout?: 'connection';
  /** 'connection' when every migration connection sets statement_timeout (pool or role config). */
  statementTimeout?: 'connection';
  kysely?: { disableTransactions?: boolean };
  typeorm?: { migrationsTransactionMode?: 'all' | 'each' | 'none' };
  prisma?: { engine?: 'batch' | 'split' };
  /**
   * Package-style import specifiers (`*` matches any characters) that count as application code;
   * relative imports count when they leave the migrations folder. Replaces DEFAULT_APP_IMPORT_PATTERNS.
   */
  appImportPatterns?: string[];
  /** Tables that earlier migrations created with PARTITION BY (`table` or `schema.table`): a file shows only its own. */
  partitionedTables?: string[];
}

export const DEFAULT_POSTGRES_VERSION = 15;

/** Path aliases and subpath imports that point into the application, and modules named for its layers. */
export const DEFAULT_APP_IMPORT_PATTERNS = ['@/*', '~/*', '#*', 'src/*', '*/models', '*/models/*', '*/entities', '*/entities/*', '*/services', '*/services/*'];

export function readSettings(settings: Record<string, unknown> | undefined): LiveUpgradeSettings {
  const raw = (settings?.['live-upgrade'] ?? {}) as Partial<LiveUpgradeSettings>;
  const version = Number(raw.postgresVersion);
  return { ...raw, postgresVersion: Number.isFinite(version) && version > 0 ? version : DEFAULT_POSTGRES_VERSION };
}
