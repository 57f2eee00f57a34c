import { populatePayload } from '../../notifications/payload.ts';
import type { VersionedObject } from '../../objects/versioned-object.ts';
import { Instance } from './instance.ts';
import { InstanceActionPayload } from './notifications.ts';

// Cedar's filled-in objects: what its golden fixtures were serialized from.
export const SAMPLE_INSTANCE = new Instance({
  uuid: '4f1d6a52-3c3e-4bb4-9a55-6f0e2b7c9d10',
  hostname: 'web-1',
  vcpus: 2,
  memoryMb: 4096,
  taskState: null,
});

export function sampleObjects(): VersionedObject[] {
  return [SAMPLE_INSTANCE, populatePayload(InstanceActionPayload, { instance: SAMPLE_INSTANCE })];
}
