import type { TSESTree } from '@typescript-eslint/types';
import type { RuleContext, Scope } from '@typescript-eslint/utils/ts-eslint';
import type { FunctionContext, JsFrontend } from './frontends/frontend.ts';
import { JS_FRONTENDS } from './frontends/index.ts';
import { findMigrationFunctions, type MigrationFunction } from './frontends/js/migration-functions.ts';
import { downMigration, moduleImports } from './frontends/js/module-facts.ts';
import { sqlFileMigration } from './languages/sql/migration.ts';
import { SqlSourceCode } from './languages/sql/source-code.ts';
import type { Migration } from './model/migration.ts';
import type { Operation } from './model/operation.ts';
import { readSettings, type LiveUpgradeSettings } from './settings.ts';
import type { Locator } from './sql/analyse.ts';

type SourceCode = Readonly<RuleContext<string, readonly unknown[]>['sourceCode']>;

// One analysis per file, shared by every rule: keyed by the SourceCode object ESLint gives all rules.
const cache = new WeakMap<object, Migration>();

export function getMigration(context: Readonly<RuleContext<string, readonly unknown[]>>): Migration {
  const sourceCode = context.sourceCode;
  let migration = cache.get(sourceCode);
  if (!migration) {
    const settings = readSettings(context.settings);
    // A .sql file linted with the plugin's SQL language: its text is the migration.
    migration =
      (sourceCode as object) instanceof SqlSourceCode
        ? sqlFileMigration(sourceCode as unknown as SqlSourceCode, context.filename, settings)
        : analyseJs(sourceCode, settings);
    cache.set(sourceCode, migration);
  }
  return migration;
}

export function getSettings(context: Readonly<RuleContext<string, readonly unknown[]>>): LiveUpgradeSettings {
  return readSettings(context.settings);
}

const NOT_A_MIGRATION: Migration = {
  tool: undefined,
  transaction: { wrapped: undefined, reason: 'the file is not a migration the linter recognises', optOut: '' },
  operations: [],
};

function analyseJs(sourceCode: SourceCode, settings: LiveUpgradeSettings): Migration {
  const program = sourceCode.ast as TSESTree.Program;
  const functions = findMigrationFunctions(program);
  const frontend = pickFrontend(program, functions);
  // Whatever the tool, a file in the migrations folder should not load application code.
  const imports = moduleImports(program, descendants(program, sourceCode.visitorKeys as Record<string, readonly string[]>));
  if (!frontend) return { ...NOT_A_MIGRATION, imports };
  const operations = functions.flatMap((fn) => readFunction(sourceCode, frontend, fn));
  operations.sort((a, b) => a.loc.start.line - b.loc.start.line || a.loc.start.column - b.loc.start.column);
  const transaction = frontend.transaction(program, settings);
  const down = downMigration(program, functions, frontend.infersDown === true);
  return { tool: frontend.tool, transaction, operations, imports, down };
}

function pickFrontend(program: TSESTree.Program, functions: MigrationFunction[]): JsFrontend | undefined {
  let best: JsFrontend | undefined;
  let bestScore = 0;
  for (const frontend of JS_FRONTENDS) {
    const score = frontend.recognise(program, functions);
    if (score > bestScore) [best, bestScore] = [frontend, score];
  }
  return best;
}

function readFunction(sourceCode: SourceCode, frontend: JsFrontend, fn: MigrationFunction): Operation[] {
  const context = functionContext(sourceCode, fn);
  try {
    return frontend.operations(context);
  } catch (error) {
    // A frontend meeting code it does not understand must not crash the lint run.
    const reason = `the ${frontend.tool} migration could not be analysed (${error instanceof Error ? error.message : String(error)})`;
    return [{ kind: 'opaque', reason, ...context.at(fn.node) }];
  }
}

function functionContext(sourceCode: SourceCode, fn: MigrationFunction): FunctionContext {
  const locator: Locator = {
    loc: (start, end) => ({ start: sourceCode.getLocFromIndex(start), end: sourceCode.getLocFromIndex(end) }),
    text: (start, end) => sourceCode.text.slice(start, end),
  };
  return {
    fn,
    direction: fn.direction,
    locator,
    referencesOf(node, parameterIndex = 0) {
      const param = 'params' in node ? (node.params as TSESTree.Parameter[])[parameterIndex] : undefined;
      if (!param) return [];
      return sourceCode
        .getDeclaredVariables(node)
        .filter((variable) =>
          variable.defs.some((def) => def.type === 'Parameter' && within(def.name.range, param.range)),
        )
        .flatMap((variable) => variable.references.map((reference) => reference.identifier as TSESTree.Identifier))
        .filter((identifier) => !within(identifier.range, param.range));
    },
    referencesOfBinding(binding) {
      for (let scope: Scope.Scope | null = sourceCode.getScope(binding); scope; scope = scope.upper) {
        const variable = scope.set.get(binding.name);
        if (variable?.identifiers.includes(binding)) {
          return variable.references.map((reference) => reference.identifier as TSESTree.Identifier).filter((identifier) => identifier !== binding);
        }
      }
      return [];
    },
    descendants: (root) => descendants(root, sourceCode.visitorKeys as Record<string, readonly string[]>),
    at(node, start = node.range[0]) {
      return { loc: locator.loc(start, node.range[1]), text: locator.text(start, node.range[1]), direction: fn.direction, origin: 'builder' };
    },
  };
}

function within(inner: TSESTree.Range, outer: TSESTree.Range): boolean {
  return inner[0] >= outer[0] && inner[1] <= outer[1];
}

function descendants(root: TSESTree.Node, keys: Record<string, readonly string[]>): TSESTree.Node[] {
  const result: TSESTree.Node[] = [];
  const visit = (node: TSESTree.Node) => {
    result.push(node);
    for (const key of keys[node.type] ?? []) {
      const child = (node as unknown as Record<string, unknown>)[key];
      for (const item of Array.isArray(child) ? child : [child]) {
        if (item && typeof item === 'object' && 'type' in item) visit(item as TSESTree.Node);
      }
    }
  };
  visit(root);
  return result;
}
