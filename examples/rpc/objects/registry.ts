import { isCompatible } from '../wire/version.ts';
import { IncompatibleObjectVersionError, ObjectFieldError, type ObjectClass, type ObjectPrimitive, type VersionedObject } from './versioned-object.ts';

export class UnknownObjectError extends Error {
  override name = 'UnknownObjectError';
}

export function isObjectPrimitive(value: unknown): value is ObjectPrimitive {
  return typeof value === 'object' && value !== null && typeof (value as Record<string, unknown>)['obj.name'] === 'string';
}

/** The versioned object classes one release knows, by name. */
export class ObjectRegistry {
  private readonly byName: ReadonlyMap<string, ObjectClass>;

  constructor(readonly classes: readonly ObjectClass[]) {
    this.byName = new Map(classes.map((cls) => [cls.objectName, cls]));
  }

  /** Object name → the version this release implements; sent along with a backport request. */
  manifest(): Record<string, string> {
    return Object.fromEntries(this.classes.map((cls) => [cls.objectName, cls.VERSION]));
  }

  // #region from-primitive
  /** Accepts this version and older minors (their missing fields stay unset); refuses newer ones. */
  fromPrimitive(primitive: ObjectPrimitive): VersionedObject {
    const name = primitive['obj.name'];
    const version = primitive['obj.version'];
    const cls = this.byName.get(name);
    if (!cls || cls.namespace !== primitive['obj.namespace']) throw new UnknownObjectError(`Unknown object ${name}`);
    if (!isCompatible(cls.VERSION, version)) throw new IncompatibleObjectVersionError(name, version, cls.VERSION);
    const data = primitive['obj.data'];
    for (const field of Object.keys(data)) {
      if (!(field in cls.fields)) throw new ObjectFieldError(`${name} ${version} has no field "${field}"`);
    }
    return new cls(data);
  }
  // #endregion from-primitive
}
