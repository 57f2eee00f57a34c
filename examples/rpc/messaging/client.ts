import { decode, encode, type WireFormat } from '../wire/envelope.ts';
import { isCompatible } from '../wire/version.ts';
import { newRequestContext, plainJson, type EntitySerializer } from './context.ts';
import { readReply, RemoteError, type RpcRequest } from './messages.ts';

/** Delivers raw bytes to one server and returns the raw reply. */
export interface Transport {
  send(server: string, raw: string): Promise<string>;
}

export interface RpcClientOptions {
  transport: Transport;
  format: WireFormat;
  /** The newest version this client's code writes messages for. */
  version: string;
  /** The newest version it may send; no cap means "send what the code knows". */
  versionCap?: string;
  serializer?: EntitySerializer;
}

// #region cap-error
export class RpcVersionCapError extends Error {
  override name = 'RpcVersionCapError';
  constructor(readonly version: string, readonly versionCap: string) {
    super(`Requested message version ${version} is above the version cap ${versionCap}`);
  }
}
// #endregion cap-error

export class RpcClient {
  readonly versionCap: string | undefined;

  constructor(private readonly options: RpcClientOptions) {
    this.versionCap = options.versionCap;
  }

  // #region can-send
  /** May a message written for `version` be sent under the cap? */
  canSendVersion(version: string): boolean {
    return this.versionCap === undefined || isCompatible(this.versionCap, version);
  }

  /** A call at an explicit version. Going above the cap is a programming error, never a silent downgrade. */
  prepare({ version = this.options.version, server }: { version?: string; server: string }): PreparedCall {
    if (!this.canSendVersion(version)) throw new RpcVersionCapError(version, this.versionCap ?? '');
    return new PreparedCall(this.options, version, server);
  }
  // #endregion can-send
}

export class PreparedCall {
  constructor(
    private readonly options: RpcClientOptions,
    readonly version: string,
    readonly server: string,
  ) {}

  async call(method: string, args: Record<string, unknown>): Promise<unknown> {
    const { transport, format, serializer = plainJson } = this.options;
    const request: RpcRequest = { method, version: this.version, args: serializer.serialize(args) as Record<string, unknown> };
    const reply = readReply(decode(await transport.send(this.server, encode(request, format)), format));
    if ('failure' in reply) throw new RemoteError(reply.failure.name, reply.failure.message);
    return serializer.deserialize(reply.result, newRequestContext());
  }
}
