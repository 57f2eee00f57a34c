import type { Instance } from './instance.ts';

/**
 * The compute RPC API as cedar released it.
 *
 * 1.0  rebuildInstance(instance, imageRef)
 * 1.1  rebuildInstance: + preserveEphemeral (optional, absent means false)
 * 1.2  rebuildInstance: + acceleratorIds (optional, absent means none)
 *
 * ... cedar serves 1.2 ...
 */
export const COMPUTE_RPC_VERSION = '1.2';

export interface RebuildRequest {
  instance: Instance;
  imageRef: string;
  preserveEphemeral: boolean;
  acceleratorIds: string[];
}

export interface RebuildResult {
  instanceUuid: string;
  handledBy: string;
  preserveEphemeral: boolean;
  acceleratorIds: string[];
  instanceFields: string[];
  backports: string[];
}
