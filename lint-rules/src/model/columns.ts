import type { ColumnDefinition, Operation } from './operation.ts';

/** The columns an operation creates, with their table: ADD COLUMN's, or those of CREATE TABLE. */
export function createdColumns(op: Operation): { table: string; column: ColumnDefinition }[] {
  if (op.kind === 'addColumn') return [{ table: op.table, column: op.column }];
  if (op.kind === 'createTable') return (op.columns ?? []).map((column) => ({ table: op.table, column }));
  return [];
}
