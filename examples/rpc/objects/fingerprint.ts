import { createHash } from 'node:crypto';
import ts from 'typescript';
import type { ObjectClass } from './versioned-object.ts';

// A fingerprint covers everything another release relies on: the fields (name, type, nullable,
// version added) and the method signatures, read from the class source with the TypeScript
// parser. It starts with VERSION, so a changed object cannot pass by updating the hash alone.

/** `name(param: type, …): type` for each method the class declares itself, sorted. */
export function methodSignatures(sourceText: string, className: string): string[] {
  const source = ts.createSourceFile('object.ts', sourceText, ts.ScriptTarget.Latest, true);
  const declaration = source.statements.find(
    (statement): statement is ts.ClassDeclaration => ts.isClassDeclaration(statement) && statement.name?.text === className,
  );
  if (!declaration) throw new Error(`No class ${className} in the given source`);
  const text = (node: ts.Node | undefined) => node?.getText(source).replace(/\s+/g, ' ') ?? 'unknown';
  return declaration.members
    .filter(ts.isMethodDeclaration)
    .map((method) => {
      const params = method.parameters.map((param) => `${text(param.name)}${param.questionToken ? '?' : ''}: ${text(param.type)}`);
      return `${text(method.name)}(${params.join(', ')}): ${text(method.type)}`;
    })
    .sort();
}

// #region fingerprint
export function fingerprint(cls: ObjectClass, methods: readonly string[], extra?: unknown): string {
  const fields = Object.entries(cls.fields)
    .map(([name, field]) => [name, field.type, field.nullable, field.since ?? null])
    .sort(([a], [b]) => String(a).localeCompare(String(b)));
  const canonical = JSON.stringify({ fields, methods, extra: extra ?? null });
  return `${cls.VERSION}-${createHash('sha256').update(canonical).digest('hex').slice(0, 32)}`;
}
// #endregion fingerprint
