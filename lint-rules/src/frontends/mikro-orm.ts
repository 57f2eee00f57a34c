import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import type { TransactionContext } from '../model/migration.ts';
import type { Operation } from '../model/operation.ts';
import { analyseSqlPieces } from '../sql/analyse.ts';
import type { FunctionContext, JsFrontend } from './frontend.ts';
import { chainFrom, type Link } from './js/chains.ts';
import { recognitionScore } from './js/detect.ts';
import { propertyName } from './js/migration-functions.ts';
import { sqlPieces } from './js/strings.ts';

/** Where the `Migration` base class comes from: MikroORM itself, or Medusa's re-export of it. */
const MIGRATION_MODULES = ['@mikro-orm/migrations', '@medusajs/framework/mikro-orm/migrations'];

/** MikroORM migrations: a class extending `Migration` whose `up()`/`down()` queue SQL with `this.addSql(…)`. */
export const mikroOrmFrontend: JsFrontend = {
  tool: 'mikro-orm',
  recognise: (program, functions) =>
    recognitionScore(program, functions, { modules: MIGRATION_MODULES, parameterTypes: [] }),
  operations: (context) => thisReferences(context).flatMap((reference) => migrationCall(context, chainFrom(reference))),
  transaction: (program) => transactionOf(isTransactional(program)),
};

const ALL_OR_NOTHING =
  'set `allOrNothing: false` in the migrations config too: with the default `true` the run keeps a master transaction open and a CONCURRENTLY statement waits on it forever (mikro-orm#4775)';

function transactionOf(transactional: boolean | undefined | 'unknown'): TransactionContext {
  const optOut = `override \`isTransactional()\` to return false and ${ALL_OR_NOTHING}`;
  if (transactional === false) {
    return { wrapped: false, reason: `this migration's \`isTransactional()\` returns false (for that to hold, ${ALL_OR_NOTHING})`, optOut };
  }
  if (transactional === 'unknown') {
    return { wrapped: undefined, reason: "this migration's `isTransactional()` is decided when it runs", optOut };
  }
  return {
    wrapped: true,
    reason: 'MikroORM runs each migration in a transaction (`transactional: true`), inside one for the whole run (`allOrNothing: true`)',
    optOut,
  };
}

/** The literal an `isTransactional()` override returns; undefined without one; 'unknown' when computed. */
function isTransactional(program: TSESTree.Program): boolean | undefined | 'unknown' {
  for (const statement of program.body) {
    const declaration = statement.type === AST_NODE_TYPES.ExportNamedDeclaration || statement.type === AST_NODE_TYPES.ExportDefaultDeclaration ? statement.declaration : statement;
    if (declaration?.type !== AST_NODE_TYPES.ClassDeclaration) continue;
    const method = declaration.body.body.find(
      (member): member is TSESTree.MethodDefinition =>
        member.type === AST_NODE_TYPES.MethodDefinition && propertyName(member.key) === 'isTransactional',
    );
    const body = method?.value.body?.body;
    if (!body) continue;
    const returned = body.length === 1 && body[0]?.type === AST_NODE_TYPES.ReturnStatement ? body[0].argument : undefined;
    return returned?.type === AST_NODE_TYPES.Literal && typeof returned.value === 'boolean' ? returned.value : 'unknown';
  }
  return undefined;
}

/** `this` inside the method, also inside arrow functions (which keep it), not inside nested functions. */
function thisReferences(context: FunctionContext): TSESTree.ThisExpression[] {
  return context.descendants(context.fn.node).filter(
    (node): node is TSESTree.ThisExpression => node.type === AST_NODE_TYPES.ThisExpression && enclosingMethod(node) === context.fn.node,
  );
}

function enclosingMethod(node: TSESTree.Node): TSESTree.Node | undefined {
  let current = node.parent;
  while (current && current.type !== AST_NODE_TYPES.FunctionExpression && current.type !== AST_NODE_TYPES.FunctionDeclaration) {
    current = current.parent;
  }
  return current;
}

/** `this.addSql(sql)` queues SQL for the migration; `this.execute(sql)` runs it at once. */
function migrationCall(context: FunctionContext, links: Link[]): Operation[] {
  const [call] = links;
  if (!call?.args || (call.name !== 'addSql' && call.name !== 'execute')) return [];
  const pieces = sqlPieces(call.args[0]);
  if (!pieces) {
    const reason = `the SQL passed to ${call.name}() is not written in the migration (a query builder or a variable)`;
    return [{ kind: 'opaque', reason, ...context.at(call.node) }];
  }
  return analyseSqlPieces(pieces, { direction: context.direction, locator: context.locator });
}
