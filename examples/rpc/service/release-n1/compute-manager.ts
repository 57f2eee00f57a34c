import { objectArg, oneOfArg, optionalBooleanArg, optionalStringArg, stringArg, stringListArg } from '../../messaging/args.ts';
import type { RequestContext } from '../../messaging/context.ts';
import type { Endpoint } from '../../messaging/dispatcher.ts';
import type { Notifier } from '../../notifications/notifier.ts';
import { populatePayload } from '../../notifications/payload.ts';
import { COMPUTE_RPC_VERSION, EPHEMERAL_CHOICES, type RebuildRequest, type RebuildResult } from './compute-rpc.ts';
import { Instance } from './instance.ts';
import { InstanceActionPayload } from './notifications.ts';

export class ComputeManager {
  constructor(private readonly notifier: Notifier) {}

  rebuildInstance(request: RebuildRequest, handledBy: string, context: RequestContext): RebuildResult {
    const rebuilding = request.instance.withChanges({ taskState: 'rebuilding' });
    this.notify('start', rebuilding);
    const rebuilt = rebuilding.withChanges({ taskState: null });
    this.notify('end', rebuilt);
    return {
      instanceUuid: rebuilt.get('uuid'),
      handledBy,
      ephemeral: request.ephemeral,
      acceleratorIds: request.acceleratorIds,
      reason: request.reason ?? null,
      instanceFields: request.instance.setFields(),
      backports: context.backports,
    };
  }

  private notify(phase: 'start' | 'end', instance: Instance): void {
    this.notifier.emitLegacy(`compute.instance.rebuild.${phase}`, { instance_id: instance.get('uuid'), display_name: instance.summary(), state: instance.get('taskState') });
    this.notifier.emit(`instance.rebuild.${phase}`, populatePayload(InstanceActionPayload, { instance }));
  }
}

// #region endpoints
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
              ephemeral: oneOfArg(args, 'ephemeral', EPHEMERAL_CHOICES),
              acceleratorIds: stringListArg(args, 'acceleratorIds'),
              reason: optionalStringArg(args, 'reason'),
            },
            COMPUTE_RPC_VERSION,
            context,
          ),
      },
    },
    computeV1Proxy(manager),
  ];
}
// #endregion endpoints

// #region v1-proxy
/** Serves 1.x callers (cedar nodes) for one more release, translating to the 2.x arguments. */
function computeV1Proxy(manager: ComputeManager): Endpoint {
  return {
    version: '1.2',
    methods: {
      rebuildInstance: (args, context) =>
        manager.rebuildInstance(
          {
            instance: objectArg(args, 'instance', Instance),
            imageRef: stringArg(args, 'imageRef'),
            ephemeral: optionalBooleanArg(args, 'preserveEphemeral') === true ? 'preserve' : 'recreate',
            acceleratorIds: args.acceleratorIds === undefined ? [] : stringListArg(args, 'acceleratorIds'),
          },
          '1.2',
          context,
        ),
    },
  };
}
// #endregion v1-proxy
