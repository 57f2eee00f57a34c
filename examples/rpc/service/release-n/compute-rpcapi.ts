import { RpcClient } from '../../messaging/client.ts';
import { ArgumentNeedsNewerVersionError, omit, type Negotiated } from '../../messaging/negotiation.ts';
import type { ComputeApiDeps, RebuildOutcome } from '../release.ts';
import { COMPUTE_RPC_VERSION, type RebuildRequest } from './compute-rpc.ts';

export function negotiateRebuild(client: Pick<RpcClient, 'canSendVersion' | 'versionCap'>, request: RebuildRequest): Negotiated {
  const { instance, imageRef, preserveEphemeral, acceleratorIds } = request;
  const v12 = { instance, imageRef, preserveEphemeral, acceleratorIds };
  if (client.canSendVersion('1.2')) return { version: '1.2', args: v12, droppedArgs: [] };
  if (acceleratorIds.length > 0) throw new ArgumentNeedsNewerVersionError('acceleratorIds', '1.2', client.versionCap);
  if (client.canSendVersion('1.1')) return { version: '1.1', args: omit(v12, 'acceleratorIds'), droppedArgs: [] };
  if (preserveEphemeral) throw new ArgumentNeedsNewerVersionError('preserveEphemeral: true', '1.1', client.versionCap);
  return { version: '1.0', args: omit(v12, 'acceleratorIds', 'preserveEphemeral'), droppedArgs: [] };
}

export class ComputeApi {
  private client: RpcClient | undefined;

  constructor(private readonly deps: ComputeApiDeps) {}

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
