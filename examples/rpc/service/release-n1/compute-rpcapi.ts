import { RpcClient } from '../../messaging/client.ts';
import { ArgumentNeedsNewerVersionError, omit, type Negotiated } from '../../messaging/negotiation.ts';
import type { ComputeApiDeps, RebuildOutcome } from '../release.ts';
import { COMPUTE_RPC_VERSION, type RebuildRequest } from './compute-rpc.ts';

// #region rebuild-ladder
/** Picks the newest rebuildInstance version the cap allows, and the arguments that version takes. */
export function negotiateRebuild(client: Pick<RpcClient, 'canSendVersion' | 'versionCap'>, request: RebuildRequest): Negotiated {
  const { instance, imageRef, ephemeral, acceleratorIds, reason } = request;
  const v2 = { instance, imageRef, ephemeral, acceleratorIds };
  if (client.canSendVersion('2.1')) return { version: '2.1', args: reason === undefined ? v2 : { ...v2, reason }, droppedArgs: [] };
  // Older receivers have no audit note: the rebuild still happens, and the caller is told.
  const droppedArgs = reason === undefined ? [] : ['reason'];
  if (client.canSendVersion('2.0')) return { version: '2.0', args: v2, droppedArgs };

  // 1.x receivers take the argument shape from before 2.0.
  const v1 = { instance, imageRef, preserveEphemeral: ephemeral === 'preserve', acceleratorIds };
  if (client.canSendVersion('1.2')) return { version: '1.2', args: v1, droppedArgs };
  if (acceleratorIds.length > 0) throw new ArgumentNeedsNewerVersionError('acceleratorIds', '1.2', client.versionCap);
  if (client.canSendVersion('1.1')) return { version: '1.1', args: omit(v1, 'acceleratorIds'), droppedArgs };
  if (v1.preserveEphemeral) throw new ArgumentNeedsNewerVersionError('ephemeral: "preserve"', '1.1', client.versionCap);
  return { version: '1.0', args: omit(v1, 'acceleratorIds', 'preserveEphemeral'), droppedArgs };
}
// #endregion rebuild-ladder

// #region compute-api
export class ComputeApi {
  private client: RpcClient | undefined;

  constructor(private readonly deps: ComputeApiDeps) {}

  /** Built on first use, so an `auto` cap is read from the running deployment, then cached. */
  private async rpcClient(): Promise<RpcClient> {
    this.client ??= new RpcClient({ ...this.deps, version: COMPUTE_RPC_VERSION, versionCap: await this.deps.versionCap.resolve() });
    return this.client;
  }

  async rebuildInstance(host: string, request: RebuildRequest): Promise<RebuildOutcome> {
    const client = await this.rpcClient();
    const { version, args, droppedArgs } = negotiateRebuild(client, request);
    const result = await client.prepare({ version, server: host }).call('rebuildInstance', args);
    return { sentVersion: version, droppedArgs, result };
  }

  reset(): void {
    this.client = undefined;
    this.deps.versionCap.reset();
  }
}
// #endregion compute-api
