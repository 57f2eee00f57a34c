import noConcurrentlyInTransaction from './no-concurrently-in-transaction.ts';
import noDropColumn from './no-drop-column.ts';
import noManualTransaction from './no-manual-transaction.ts';
import noNewEnumValueInSameTransaction from './no-new-enum-value-in-same-transaction.ts';
import noOpaqueSql from './no-opaque-sql.ts';
import noRenameColumn from './no-rename-column.ts';
import noSqlSyntaxError from './no-sql-syntax-error.ts';
import requireConcurrentIndexCreation from './require-concurrent-index-creation.ts';
import requireEnumValuePosition from './require-enum-value-position.ts';
import requireLockTimeout from './require-lock-timeout.ts';

export const rules = {
  'no-concurrently-in-transaction': noConcurrentlyInTransaction,
  'no-drop-column': noDropColumn,
  'no-manual-transaction': noManualTransaction,
  'no-new-enum-value-in-same-transaction': noNewEnumValueInSameTransaction,
  'no-opaque-sql': noOpaqueSql,
  'no-rename-column': noRenameColumn,
  'no-sql-syntax-error': noSqlSyntaxError,
  'require-concurrent-index-creation': requireConcurrentIndexCreation,
  'require-enum-value-position': requireEnumValuePosition,
  'require-lock-timeout': requireLockTimeout,
};
