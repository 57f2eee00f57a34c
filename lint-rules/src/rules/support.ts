import type { JSONSchema4 } from '@typescript-eslint/utils/json-schema';
import type { Migration } from '../model/migration.ts';
import { isNewTable, normaliseName } from '../model/migration.ts';
import type { Operation } from '../model/operation.ts';

export interface DirectionOptions {
  checkDown: boolean;
}

export const DIRECTION_OPTIONS_SCHEMA: JSONSchema4[] = [
  {
    type: 'object',
    properties: {
      checkDown: {
        type: 'boolean',
        description: 'Also check `down` migrations, which by default only undo what `up` added.',
      },
    },
    additionalProperties: false,
  },
];

export const DEFAULT_DIRECTION_OPTIONS: [DirectionOptions] = [{ checkDown: false }];

/** The operations a rule checks: the forward path, plus `down` when the rule's `checkDown` asks for it. */
export function checkedOperations(migration: Migration, options: DirectionOptions = { checkDown: false }): Operation[] {
  return migration.operations.filter((op) => op.direction === 'up' || options.checkDown);
}

/** Whether `table` exists before the migration (it was not created earlier in the same migration). */
export function onExistingTable(migration: Migration, op: Operation, table: string): boolean {
  return !isNewTable(migration, table, op);
}

export function displayName(name: string | undefined): string {
  return name ? normaliseName(name) : 'the table';
}
