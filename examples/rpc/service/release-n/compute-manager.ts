import { objectArg, optionalBooleanArg, stringArg, stringListArg } from '../../messaging/args.ts';
import type { RequestContext } from '../../messaging/context.ts';
import type { Endpoint } from '../../messaging/dispatcher.ts';
import type { Notifier } from '../../notifications/notifier.ts';
import { populatePayload } from '../../notifications/payload.ts';
import { COMPUTE_RPC_VERSION, type RebuildRequest, type RebuildResult } from './compute-rpc.ts';
import { Instance } from './instance.ts';
import { InstanceActionPayload } from './notifications.ts';

export class ComputeManager {
  constructor(private readonly notifier: Notifier) {}

  rebuildInstance(request: RebuildRequest, context: RequestContext): RebuildResult {
    const rebuilding = request.instance.withChanges({ taskState: 'rebuilding' });
    this.notify('start', rebuilding);
    const rebuilt = rebuilding.withChanges({ taskState: null });
    this.notify('end', rebuilt);
    return {
      instanceUuid: rebuilt.get('uuid'),
      handledBy: COMPUTE_RPC_VERSION,
      preserveEphemeral: request.preserveEphemeral,
      acceleratorIds: request.acceleratorIds,
      instanceFields: request.instance.setFields(),
      backports: context.backports,
    };
  }

  private notify(phase: 'start' | 'end', instance: Instance): void {
    this.notifier.emitLegacy(`compute.instance.rebuild.${phase}`, { instance_id: instance.get('uuid'), display_name: instance.summary(), state: instance.get('taskState') });
    this.notifier.emit(`instance.rebuild.${phase}`, populatePayload(InstanceActionPayload, { instance }));
  }
}

/** Minor versions only add optional arguments, so absent ones take the 1.0 behaviour. */
export function computeEndpoints(manager: ComputeManager): Endpoint[] {
  return [
    {
      version: COMPUTE_RPC_VERSION,
      methods: {
        rebuildInstance: (args, context) =>
          manager.rebuildInstance(
            {
              instance: objectArg(args, 'instance', Instance),
              imageRef: stringArg(args, 'imageRef'),
              preserveEphemeral: optionalBooleanArg(args, 'preserveEphemeral') ?? false,
              acceleratorIds: args.acceleratorIds === undefined ? [] : stringListArg(args, 'acceleratorIds'),
            },
            context,
          ),
      },
    },
  ];
}
