// Client-side negotiation: a method that evolved over several versions picks the newest one
// the cap allows and shapes its arguments for it. An argument is left out only when the older
// receiver behaves the same without it; otherwise the call fails here, loudly.

export interface Negotiated {
  readonly version: string;
  readonly args: Record<string, unknown>;
  /** Arguments whose value could not be sent at this version, reported to the caller. */
  readonly droppedArgs: readonly string[];
}

export class ArgumentNeedsNewerVersionError extends Error {
  override name = 'ArgumentNeedsNewerVersionError';
  constructor(readonly argument: string, readonly version: string, versionCap: string | undefined) {
    super(`${argument} needs RPC version ${version}, but messages are capped at ${versionCap ?? 'none'}`);
  }
}

export function omit(record: Record<string, unknown>, ...keys: string[]): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([key]) => !keys.includes(key)));
}
