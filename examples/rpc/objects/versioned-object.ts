import { compareVersions, isCompatible } from '../wire/version.ts';
import type { FieldSchema } from './fields.ts';

// #region primitive
/** How a versioned object travels: its name and version next to the data, never bare data. */
export interface ObjectPrimitive {
  'obj.name': string;
  'obj.namespace': string;
  'obj.version': string;
  'obj.data': Record<string, unknown>;
}
// #endregion primitive

export class ObjectFieldError extends Error {
  override name = 'ObjectFieldError';
}

export class IncompatibleObjectVersionError extends Error {
  override name = 'IncompatibleObjectVersionError';
  constructor(readonly objectName: string, readonly version: string, readonly supported: string) {
    super(`${objectName} version ${version} cannot be read here: this code implements ${objectName} ${supported}`);
  }
}

/** The static side every versioned object class provides. */
export interface ObjectClass {
  new (values: Record<string, unknown>): VersionedObject;
  readonly objectName: string;
  readonly namespace: string;
  readonly VERSION: string;
  readonly fields: FieldSchema;
}

// #region base
export abstract class VersionedObject<Values extends Record<string, unknown> = Record<string, unknown>> {
  private readonly values = new Map<string, unknown>();

  constructor(values: Partial<Values>) {
    const { objectName, fields } = this.objectClass;
    for (const [name, value] of Object.entries(values)) {
      if (value === undefined) continue;
      const field = fields[name];
      if (!field) throw new ObjectFieldError(`${objectName} has no field "${name}"`);
      if (!field.accepts(value)) throw new ObjectFieldError(`${objectName}.${name} must be ${field.type}, got ${JSON.stringify(value)}`);
      this.values.set(name, value);
    }
  }

  get objectClass(): ObjectClass {
    return this.constructor as ObjectClass;
  }

  isSet(name: keyof Values & string): boolean {
    return this.values.has(name);
  }

  get<Name extends keyof Values & string>(name: Name): Values[Name] {
    if (!this.values.has(name)) throw new ObjectFieldError(`${this.objectClass.objectName}.${name} is not set`);
    return this.values.get(name) as Values[Name];
  }

  /** A copy with some fields changed, validated like a new object. */
  withChanges(changes: Partial<Values>): this {
    const values = Object.fromEntries(this.setFields().map((name) => [name, this.values.get(name)]));
    return new this.objectClass({ ...values, ...changes }) as this;
  }

  /** The set fields, in schema order, so the same object always gives the same bytes. */
  setFields(): string[] {
    return Object.keys(this.objectClass.fields).filter((name) => this.values.has(name));
  }

  /** Serialize at this code's version, or backport to an older minor of the same major. */
  toPrimitive({ targetVersion }: { targetVersion?: string } = {}): ObjectPrimitive {
    const { objectName, namespace, VERSION } = this.objectClass;
    const version = targetVersion ?? VERSION;
    if (!isCompatible(VERSION, version)) throw new IncompatibleObjectVersionError(objectName, version, VERSION);
    const data = Object.fromEntries(this.setFields().map((name) => [name, this.values.get(name)]));
    this.makeCompatible(data, version);
    return { 'obj.name': objectName, 'obj.namespace': namespace, 'obj.version': version, 'obj.data': data };
  }

  /**
   * Turn this version's data into what `targetVersion` understood. The default strips fields
   * added later; override to transform a field whose meaning changed, then call super.
   */
  protected makeCompatible(data: Record<string, unknown>, targetVersion: string): void {
    for (const [name, field] of Object.entries(this.objectClass.fields)) {
      if (field.since !== undefined && compareVersions(field.since, targetVersion) > 0) delete data[name];
    }
  }
}
// #endregion base
