import noConcurrentlyInTransaction from './no-concurrently-in-transaction.ts';
import noDropColumn from './no-drop-column.ts';
import noOpaqueSql from './no-opaque-sql.ts';
import noRenameColumn from './no-rename-column.ts';
import noSqlSyntaxError from './no-sql-syntax-error.ts';
import requireConcurrentIndexCreation from './require-concurrent-index-creation.ts';
import requireLockTimeout from './require-lock-timeout.ts';

export const rules = {
  'no-concurrently-in-transaction': noConcurrentlyInTransaction,
  'no-drop-column': noDropColumn,
  'no-opaque-sql': noOpaqueSql,
  'no-rename-column': noRenameColumn,
  'no-sql-syntax-error': noSqlSyntaxError,
  'require-concurrent-index-creation': requireConcurrentIndexCreation,
  'require-lock-timeout': requireLockTimeout,
};
