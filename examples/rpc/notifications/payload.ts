import { ObjectFieldError, VersionedObject, type ObjectClass } from '../objects/versioned-object.ts';

// A notification payload is a versioned object whose fields are copied from other objects.
// SCHEMA says where each field comes from; it is part of the payload's fingerprint, so moving a
// field to another source is a visible change.

/** Payload field → [source name, field of that source]. */
export type PayloadSchema = Readonly<Record<string, readonly [source: string, field: string]>>;

export interface PayloadClass extends ObjectClass {
  readonly SCHEMA: PayloadSchema;
}

// #region populate
export function populatePayload<Cls extends PayloadClass>(
  cls: Cls,
  sources: Readonly<Record<string, VersionedObject>>,
): InstanceType<Cls> {
  const values: Record<string, unknown> = {};
  for (const [name, [sourceName, field]] of Object.entries(cls.SCHEMA)) {
    const source = sources[sourceName];
    if (!source) throw new ObjectFieldError(`${cls.objectName}: no source "${sourceName}" for field ${name}`);
    // An older sender may not have set a newer field; a nullable payload field says "unknown".
    values[name] = source.isSet(field) ? source.get(field) : null;
  }
  return new cls(values) as InstanceType<Cls>;
}
// #endregion populate
