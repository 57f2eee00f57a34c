import { optionalBooleanArg, recordArg, stringArg, stringListArg } from '../../messaging/args.ts';
import { Notifier } from '../../notifications/notifier.ts';
import { ObjectRegistry } from '../../objects/registry.ts';
import { ENVELOPE_ROLLOUT } from '../../wire/envelope.ts';
import type { Release } from '../release.ts';
import { ComputeManager, computeEndpoints } from './compute-manager.ts';
import { ComputeApi } from './compute-rpcapi.ts';
import { Instance } from './instance.ts';
import { InstanceActionPayload, LEGACY_EVENT_TYPES, NOTIFICATIONS } from './notifications.ts';
import { SERVICE_HISTORY } from './version-history.ts';

/** Cedar, release N: compute RPC 1.2; reads envelope 2.0 but still sends bare 1.0 messages. */
export const release: Release = {
  name: 'cedar',
  history: SERVICE_HISTORY,
  wireFormat: ENVELOPE_ROLLOUT.readFirst,
  objects: new ObjectRegistry([Instance, InstanceActionPayload]),
  computeEndpoints: (notifier) => computeEndpoints(new ComputeManager(notifier)),
  createNotifier: (publisherId, send) =>
    new Notifier({ publisherId, format: 'both', registry: NOTIFICATIONS, legacyEventTypes: LEGACY_EVENT_TYPES, send }),
  rebuildApi(deps) {
    const compute = new ComputeApi(deps);
    return {
      rebuild: (body) =>
        compute.rebuildInstance(stringArg(body, 'host'), {
          instance: new Instance(recordArg(body, 'instance')),
          imageRef: stringArg(body, 'imageRef'),
          preserveEphemeral: optionalBooleanArg(body, 'preserveEphemeral') ?? false,
          acceleratorIds: stringListArg(body, 'acceleratorIds'),
        }),
      reset: () => compute.reset(),
    };
  },
};
