import type { ObjectClass } from '../objects/versioned-object.ts';

// Arguments arrive as untyped JSON. A server reads each one explicitly, so a missing required
// argument is a named error at the edge, not an `undefined` deep inside the method.

export class InvalidArgumentError extends Error {
  override name = 'InvalidArgumentError';
}

function fail(name: string, expected: string, value: unknown): never {
  throw new InvalidArgumentError(`Argument "${name}" must be ${expected}, got ${value === undefined ? 'nothing' : JSON.stringify(value)}`);
}

export function stringArg(args: Record<string, unknown>, name: string): string {
  const value = args[name];
  return typeof value === 'string' ? value : fail(name, 'a string', value);
}

export function optionalStringArg(args: Record<string, unknown>, name: string): string | undefined {
  return args[name] === undefined ? undefined : stringArg(args, name);
}

export function optionalBooleanArg(args: Record<string, unknown>, name: string): boolean | undefined {
  const value = args[name];
  return value === undefined || typeof value === 'boolean' ? value : fail(name, 'a boolean', value);
}

export function stringListArg(args: Record<string, unknown>, name: string): string[] {
  const value = args[name];
  const ok = Array.isArray(value) && value.every((item) => typeof item === 'string');
  return ok ? (value as string[]) : fail(name, 'a list of strings', value);
}

export function oneOfArg<const Choice extends string>(args: Record<string, unknown>, name: string, choices: readonly Choice[]): Choice {
  const value = args[name];
  return choices.includes(value as Choice) ? (value as Choice) : fail(name, `one of ${choices.join(', ')}`, value);
}

export function objectArg<Cls extends ObjectClass>(args: Record<string, unknown>, name: string, cls: Cls): InstanceType<Cls> {
  const value = args[name];
  return value instanceof cls ? (value as InstanceType<Cls>) : fail(name, `a ${cls.objectName} object`, value);
}

export function recordArg(args: Record<string, unknown>, name: string): Record<string, unknown> {
  const value = args[name];
  const ok = typeof value === 'object' && value !== null && !Array.isArray(value);
  return ok ? (value as Record<string, unknown>) : fail(name, 'an object', value);
}
