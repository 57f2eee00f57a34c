// What travels inside the envelope: a request names a method and the API version the sender
// wrote it for; a reply carries a result or a failure with the name of the typed error.

export interface RpcRequest {
  method: string;
  version: string;
  args: Record<string, unknown>;
}

export interface RpcFailure {
  name: string;
  message: string;
}

export type RpcReply = { result: unknown } | { failure: RpcFailure };

export class MalformedMessageError extends Error {
  override name = 'MalformedMessageError';
}

/** A failure reported by the other side, under the name of the error it raised there. */
export class RemoteError extends Error {
  override name = 'RemoteError';
  constructor(readonly remoteName: string, readonly remoteMessage: string) {
    super(`${remoteName}: ${remoteMessage}`);
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function readRequest(value: unknown): RpcRequest {
  if (!isRecord(value) || typeof value.method !== 'string' || typeof value.version !== 'string' || !isRecord(value.args)) {
    throw new MalformedMessageError(`Not an RPC request: ${JSON.stringify(value)}`);
  }
  return { method: value.method, version: value.version, args: value.args };
}

export function readReply(value: unknown): RpcReply {
  if (isRecord(value) && 'result' in value) return { result: value.result };
  if (isRecord(value) && isRecord(value.failure)) {
    const { name, message } = value.failure;
    if (typeof name === 'string' && typeof message === 'string') return { failure: { name, message } };
  }
  throw new MalformedMessageError(`Not an RPC reply: ${JSON.stringify(value)}`);
}

export function failureOf(error: unknown): RpcFailure {
  if (error instanceof RemoteError) return { name: error.remoteName, message: error.remoteMessage };
  if (error instanceof Error) return { name: error.name, message: error.message };
  return { name: 'Error', message: String(error) };
}
