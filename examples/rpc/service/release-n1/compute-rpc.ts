import type { Instance } from './instance.ts';

// #region changelog
/**
 * The compute RPC API, as both sides see it.
 *
 * 1.0  rebuildInstance(instance, imageRef)
 * 1.1  rebuildInstance: + preserveEphemeral (optional, absent means false)
 * 1.2  rebuildInstance: + acceleratorIds (optional, absent means none)
 *
 * ... cedar serves 1.2: cap to "cedar" while rolling from cedar to dogwood ...
 *
 * 2.0  rebuildInstance: preserveEphemeral (boolean) becomes ephemeral ("preserve" | "recreate");
 *      every argument is required
 * 2.1  rebuildInstance: + reason (optional note for the audit log)
 *
 * ... dogwood serves 2.1, and still 1.2 through the 1.x proxy ...
 */
export const COMPUTE_RPC_VERSION = '2.1';
// #endregion changelog

export const EPHEMERAL_CHOICES = ['preserve', 'recreate'] as const;
export type Ephemeral = (typeof EPHEMERAL_CHOICES)[number];

export interface RebuildRequest {
  instance: Instance;
  imageRef: string;
  ephemeral: Ephemeral;
  acceleratorIds: string[];
  reason?: string;
}

/** What a compute node reports back, so callers can see exactly what reached it. */
export interface RebuildResult {
  instanceUuid: string;
  /** The endpoint that served the call: 2.1, or 1.2 for the 1.x proxy. */
  handledBy: string;
  ephemeral: Ephemeral;
  acceleratorIds: string[];
  reason: string | null;
  /** Instance fields the compute node received. */
  instanceFields: string[];
  /** Objects the conductor had to backport before this node could read them. */
  backports: string[];
}
