// Per-request state shared by the serializer and the method that handles the request, so what
// happened to the arguments on their way in (a backported object) can be reported, not hidden.

export interface RequestContext {
  /** One line per object that had to be backported before this node could read it. */
  readonly backports: string[];
}

export function newRequestContext(): RequestContext {
  return { backports: [] };
}

/** Turns values into JSON-safe primitives for the wire and back (versioned objects, for one). */
export interface EntitySerializer {
  serialize(value: unknown): unknown;
  deserialize(value: unknown, context: RequestContext): Promise<unknown>;
}

export const plainJson: EntitySerializer = {
  serialize: (value) => value,
  deserialize: async (value) => value,
};
