// Field definitions of a versioned object: a type name (which goes into the fingerprint), whether
// null is allowed, and the object version that introduced the field (which decides what a
// backport to an older version strips).

export interface Field {
  readonly type: string;
  readonly nullable: boolean;
  /** The object version that added this field; absent for fields present since the major's x.0. */
  readonly since?: string;
  accepts(value: unknown): boolean;
}

export type FieldSchema = Readonly<Record<string, Field>>;

interface FieldOptions {
  nullable?: boolean;
  since?: string;
}

function fieldType(type: string, check: (value: unknown) => boolean) {
  return ({ nullable = false, since }: FieldOptions = {}): Field => ({
    type,
    nullable,
    ...(since === undefined ? {} : { since }),
    accepts: (value) => (value === null ? nullable : check(value)),
  });
}

export const fields = {
  string: fieldType('string', (value) => typeof value === 'string'),
  integer: fieldType('integer', (value) => Number.isInteger(value)),
  boolean: fieldType('boolean', (value) => typeof value === 'boolean'),
  stringList: fieldType('list<string>', (value) => Array.isArray(value) && value.every((item) => typeof item === 'string')),
};
