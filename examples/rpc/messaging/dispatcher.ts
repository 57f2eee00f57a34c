import { decode, encode, type WireFormat } from '../wire/envelope.ts';
import { isCompatible } from '../wire/version.ts';
import { newRequestContext, plainJson, type EntitySerializer, type RequestContext } from './context.ts';
import { failureOf, readRequest, type RpcReply, type RpcRequest } from './messages.ts';

export type RpcMethod = (args: Record<string, unknown>, context: RequestContext) => unknown;

/** One implementation of an API major version: it accepts requests up to its `version`. */
export interface Endpoint {
  readonly version: string;
  readonly methods: Readonly<Record<string, RpcMethod>>;
}

export class UnsupportedVersionError extends Error {
  override name = 'UnsupportedVersionError';
}

export class NoSuchMethodError extends Error {
  override name = 'NoSuchMethodError';
}

// #region dispatch
export class Dispatcher {
  constructor(
    private readonly endpoints: readonly Endpoint[],
    private readonly serializer: EntitySerializer = plainJson,
  ) {}

  async dispatch(request: RpcRequest, context = newRequestContext()): Promise<unknown> {
    const compatible = this.endpoints.filter((endpoint) => isCompatible(endpoint.version, request.version));
    if (compatible.length === 0) {
      const served = this.endpoints.map((endpoint) => endpoint.version).join(', ');
      throw new UnsupportedVersionError(`Version ${request.version} is not supported; this server implements ${served}`);
    }
    const endpoint = compatible.find((candidate) => Object.hasOwn(candidate.methods, request.method));
    if (!endpoint) {
      throw new NoSuchMethodError(`No method "${request.method}" at version ${request.version}`);
    }
    const args = (await this.serializer.deserialize(request.args, context)) as Record<string, unknown>;
    const result = await endpoint.methods[request.method](args, context);
    return this.serializer.serialize(result);
  }
}
// #endregion dispatch

/** Reads one message off the wire, dispatches it and writes the reply in this node's format. */
export async function serveRaw(dispatcher: Dispatcher, format: WireFormat, raw: string): Promise<string> {
  let reply: RpcReply;
  try {
    reply = { result: await dispatcher.dispatch(readRequest(decode(raw, format))) };
  } catch (error) {
    reply = { failure: failureOf(error) };
  }
  return encode(reply, format);
}
