// API versions are "major.minor": a minor bump only adds (a method, an optional argument, a
// field), a major bump breaks. The same rule decides which messages a server accepts, which
// versions a capped client may send, and which envelope formats a reader understands.

export interface Version {
  readonly major: number;
  readonly minor: number;
}

export class InvalidVersionError extends Error {
  override name = 'InvalidVersionError';
  constructor(readonly text: string) {
    super(`"${text}" is not a version: expected "major.minor", e.g. "1.2"`);
  }
}

export function parseVersion(text: string): Version {
  const match = /^(\d+)\.(\d+)$/.exec(text);
  if (!match) throw new InvalidVersionError(text);
  return { major: Number(match[1]), minor: Number(match[2]) };
}

/** Negative when `a` is older than `b`, zero when equal, positive when newer. */
export function compareVersions(a: string, b: string): number {
  const left = parseVersion(a);
  const right = parseVersion(b);
  return left.major - right.major || left.minor - right.minor;
}

// #region is-compatible
/**
 * Can code that implements `implemented` handle a message sent at `requested`?
 * Only within one major version, and only up to the minor versions it knows.
 */
export function isCompatible(implemented: string, requested: string): boolean {
  const have = parseVersion(implemented);
  const want = parseVersion(requested);
  return want.major === have.major && want.minor <= have.minor;
}
// #endregion is-compatible
