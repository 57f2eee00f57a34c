import { populatePayload } from '../../notifications/payload.ts';
import type { VersionedObject } from '../../objects/versioned-object.ts';
import { Instance } from './instance.ts';
import { InstanceActionPayload } from './notifications.ts';

// One filled-in object per class: serialized into this release's golden fixtures, and the
// instance behind the documented notification samples.

export const SAMPLE_INSTANCE = new Instance({
  uuid: '4f1d6a52-3c3e-4bb4-9a55-6f0e2b7c9d10',
  hostname: 'web-1',
  vcpus: 2,
  memoryMb: 4096,
  taskState: null,
  description: 'storefront web server',
});

export function sampleObjects(): VersionedObject[] {
  return [SAMPLE_INSTANCE, populatePayload(InstanceActionPayload, { instance: SAMPLE_INSTANCE })];
}
