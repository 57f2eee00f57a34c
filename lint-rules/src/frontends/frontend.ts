import type { TSESTree } from '@typescript-eslint/types';
import type { Migration, Tool, TransactionContext } from '../model/migration.ts';
import type { Direction, Operation } from '../model/operation.ts';
import type { LiveUpgradeSettings } from '../settings.ts';
import type { Locator } from '../sql/analyse.ts';
import type { MigrationFunction } from './js/migration-functions.ts';

/** What a JS/TS frontend gets to read one migration function. */
export interface FunctionContext {
  fn: MigrationFunction;
  direction: Direction;
  locator: Locator;
  /** The identifiers that refer to a variable declared by `node` (a function's parameters). */
  referencesOf(node: TSESTree.Node, parameterIndex?: number): TSESTree.Identifier[];
  /** The identifiers that refer to the variable `binding` declares (`const { sequelize } = queryInterface`). */
  referencesOfBinding(binding: TSESTree.Identifier): TSESTree.Identifier[];
  /** Every node below `root`, in source order. */
  descendants(root: TSESTree.Node): TSESTree.Node[];
  /** Place and text of a node (from `start` when given), for a builder operation. */
  at(node: TSESTree.Node, start?: number): Pick<Operation, 'loc' | 'text' | 'direction' | 'origin'>;
}

export interface JsFrontend {
  tool: Tool;
  /** How strongly the file looks like this tool's migration: 0 not at all. */
  recognise(program: TSESTree.Program, functions: readonly MigrationFunction[]): number;
  operations(context: FunctionContext): Operation[];
  transaction(program: TSESTree.Program, settings: LiveUpgradeSettings): TransactionContext;
  /** Without a `down`, the tool rolls back by reversing `up` (node-pg-migrate). */
  infersDown?: boolean;
}

export type { Migration };
