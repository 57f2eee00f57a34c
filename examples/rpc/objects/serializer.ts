import type { EntitySerializer, RequestContext } from '../messaging/context.ts';
import { isObjectPrimitive, type ObjectRegistry } from './registry.ts';
import { IncompatibleObjectVersionError, VersionedObject, type ObjectPrimitive } from './versioned-object.ts';

/** Asks a node that runs newer code (the conductor) to rewrite an object for older code. */
export interface BackportApi {
  objectBackport(primitive: ObjectPrimitive, manifest: Record<string, string>): Promise<ObjectPrimitive>;
}

// #region serializer
export class ObjectSerializer implements EntitySerializer {
  constructor(
    private readonly registry: ObjectRegistry,
    private readonly backport?: BackportApi,
  ) {}

  serialize(value: unknown): unknown {
    if (value instanceof VersionedObject) return value.toPrimitive();
    if (Array.isArray(value)) return value.map((item) => this.serialize(item));
    if (isPlainRecord(value)) return mapValues(value, (item) => this.serialize(item));
    return value;
  }

  async deserialize(value: unknown, context: RequestContext): Promise<unknown> {
    if (isObjectPrimitive(value)) return this.decodeObject(value, context);
    if (Array.isArray(value)) return Promise.all(value.map((item) => this.deserialize(item, context)));
    if (isPlainRecord(value)) {
      const entries = await Promise.all(Object.entries(value).map(async ([key, item]) => [key, await this.deserialize(item, context)]));
      return Object.fromEntries(entries);
    }
    return value;
  }

  private async decodeObject(primitive: ObjectPrimitive, context: RequestContext): Promise<VersionedObject> {
    try {
      return this.registry.fromPrimitive(primitive);
    } catch (error) {
      // Too new for this code: the conductor runs the newest release and can backport it.
      if (!(error instanceof IncompatibleObjectVersionError) || !this.backport) throw error;
      const older = await this.backport.objectBackport(primitive, this.registry.manifest());
      context.backports.push(`${primitive['obj.name']} ${primitive['obj.version']} -> ${older['obj.version']}`);
      return this.registry.fromPrimitive(older);
    }
  }
}
// #endregion serializer

// #region conductor-backport
/** The conductor's side: read with the newest code, write at the version the caller knows. */
export function backportObject(registry: ObjectRegistry, primitive: ObjectPrimitive, manifest: Record<string, string>): ObjectPrimitive {
  const object = registry.fromPrimitive(primitive);
  return object.toPrimitive({ targetVersion: manifest[object.objectClass.objectName] });
}
// #endregion conductor-backport

function isPlainRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype;
}

function mapValues(record: Record<string, unknown>, map: (value: unknown) => unknown): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).map(([key, value]) => [key, map(value)]));
}
