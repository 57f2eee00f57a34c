import type { Linter } from 'eslint';

// One config object per setting, each limited to the files it is true for. ESLint merges the
// `settings` of every object that matches a file, so they combine with the preset and each other.

// #region lock-timeout
/** Every migration connection sets lock_timeout (pool options, the role, or PGOPTIONS). */
export const lockTimeoutOnConnection: Linter.Config = {
  files: ['db/migrations/**'],
  settings: { 'live-upgrade': { lockTimeout: 'connection' } },
};
// #endregion lock-timeout

// #region kysely
/** The Kysely Migrator is created with `disableTransactions: true`. */
export const kyselyWithoutTransactions: Linter.Config = {
  files: ['src/db/migrations/**'],
  settings: { 'live-upgrade': { kysely: { disableTransactions: true } } },
};
// #endregion kysely

// #region typeorm
/** The DataSource runs migrations with `migrationsTransactionMode: 'each'`. */
export const typeormEachInItsOwnTransaction: Linter.Config = {
  files: ['src/migrations/**'],
  settings: { 'live-upgrade': { typeorm: { migrationsTransactionMode: 'each' } } },
};
// #endregion typeorm

// #region prisma
/** A Prisma version whose migration engine runs each statement of migration.sql on its own. */
export const prismaSplitsStatements: Linter.Config = {
  files: ['prisma/migrations/**'],
  settings: { 'live-upgrade': { prisma: { engine: 'split' } } },
};
// #endregion prisma
