// Documented samples share fragments through JSON `$ref`s ("common_payloads/X.json#"): the
// fragment is loaded, and the keys next to the `$ref` override its keys, recursively. Pure code,
// so the wiki (through the bundler) and the tests (through the file system) resolve alike.

export type LoadFragment = (path: string) => unknown;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function merge(base: unknown, override: unknown): unknown {
  if (!isRecord(base) || !isRecord(override)) return override;
  const merged: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(override)) merged[key] = key in base ? merge(base[key], value) : value;
  return merged;
}

// #region resolve-refs
export function resolveRefs(value: unknown, load: LoadFragment): unknown {
  if (Array.isArray(value)) return value.map((item) => resolveRefs(item, load));
  if (!isRecord(value)) return value;
  const { $ref: ref, ...rest } = value;
  const resolved = Object.fromEntries(Object.entries(rest).map(([key, item]) => [key, resolveRefs(item, load)]));
  if (typeof ref !== 'string') return resolved;
  const fragment = resolveRefs(load(ref.replace(/#$/, '')), load);
  return merge(fragment, resolved);
}
// #endregion resolve-refs
