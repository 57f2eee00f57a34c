// The mixed-version matrix: client release × server release × version cap, with the outcome
// each cell must have. The matrix test runs every cell across real processes; the wiki page
// renders its table from this same module.

export type Side = 'N' | 'N+1';
export type CapColumn = 'unset' | 'N' | 'auto';

export const RELEASES = {
  N: { folder: 'release-n', name: 'cedar', computeRpc: '1.2' },
  'N+1': { folder: 'release-n1', name: 'dogwood', computeRpc: '2.1' },
} as const;

/** COMPUTE_VERSION_CAP for each column. */
export const CAP_SETTINGS: Readonly<Record<CapColumn, string>> = { unset: '', N: 'cedar', auto: 'auto' };

// #region requests
/** The rebuild request each client release's API receives (its own argument shape). */
export const REQUESTS: Readonly<Record<Side, Record<string, unknown>>> = {
  N: {
    host: 'compute-1',
    instance: { uuid: '9b2f4c1e-7d3a-4e5b-8c6d-1a2b3c4d5e6f', hostname: 'web-1', vcpus: 2, memoryMb: 4096, taskState: null },
    imageRef: 'base-2026-01',
    preserveEphemeral: false,
    acceleratorIds: [],
  },
  'N+1': {
    host: 'compute-1',
    instance: {
      uuid: '9b2f4c1e-7d3a-4e5b-8c6d-1a2b3c4d5e6f',
      hostname: 'web-1',
      vcpus: 2,
      memoryMb: 4096,
      taskState: null,
      description: 'storefront web server',
    },
    imageRef: 'base-2026-01',
    ephemeral: 'recreate',
    acceleratorIds: [],
    reason: 'rebuild on the patched base image',
  },
};
// #endregion requests

// #region outcome
/** What a cell observes. "degraded" means the call went through and every loss is reported. */
export type Outcome =
  | {
      outcome: 'works' | 'degraded';
      /** The API version the client sent. */
      sentVersion: string;
      /** The server endpoint that handled it. */
      handledBy: string;
      /** Arguments the client could not send at that version. */
      droppedArgs: string[];
      /** Objects the server had backported by the conductor. */
      backports: string[];
      /** Instance fields sent by the client that the server did not receive. */
      lostFields: string[];
    }
  | { outcome: 'error'; error: string };
// #endregion outcome

export interface MatrixCell {
  client: Side;
  server: Side;
  cap: CapColumn;
  expected: Outcome;
  why: string;
}

const works = (sentVersion: string, handledBy = sentVersion): Outcome => ({
  outcome: 'works',
  sentVersion,
  handledBy,
  droppedArgs: [],
  backports: [],
  lostFields: [],
});

export const MATRIX: readonly MatrixCell[] = [
  { client: 'N', server: 'N', cap: 'unset', expected: works('1.2'), why: 'Same release on both sides.' },
  { client: 'N', server: 'N', cap: 'N', expected: works('1.2'), why: 'The cap equals what cedar sends anyway.' },
  { client: 'N', server: 'N', cap: 'auto', expected: works('1.2'), why: 'The oldest compute is cedar (service version 3), so auto picks 1.2.' },
  { client: 'N', server: 'N+1', cap: 'unset', expected: works('1.2'), why: 'Dogwood still serves 1.x through its proxy endpoint.' },
  { client: 'N', server: 'N+1', cap: 'N', expected: works('1.2'), why: 'Same as unset: cedar never sends above 1.2.' },
  {
    client: 'N',
    server: 'N+1',
    cap: 'auto',
    expected: { outcome: 'error', error: 'ServiceTooOldError' },
    why: 'Every compute runs dogwood (service version 5), a version cedar has no history entry for: upgrade controllers before computes.',
  },
  {
    client: 'N+1',
    server: 'N',
    cap: 'unset',
    expected: { outcome: 'error', error: 'UnsupportedVersionError' },
    why: 'Without a cap dogwood sends 2.1; cedar implements 1.2 and refuses it by name. This is why the cap exists.',
  },
  {
    client: 'N+1',
    server: 'N',
    cap: 'N',
    expected: {
      outcome: 'degraded',
      sentVersion: '1.2',
      handledBy: '1.2',
      droppedArgs: ['reason'],
      backports: ['Instance 1.2 -> 1.1'],
      lostFields: ['description'],
    },
    why: 'Capped at 1.2: the audit note cannot be sent, and cedar asks the conductor to backport the 1.2 Instance, which drops description.',
  },
  {
    client: 'N+1',
    server: 'N',
    cap: 'auto',
    expected: {
      outcome: 'degraded',
      sentVersion: '1.2',
      handledBy: '1.2',
      droppedArgs: ['reason'],
      backports: ['Instance 1.2 -> 1.1'],
      lostFields: ['description'],
    },
    why: 'auto finds the cedar compute (service version 3) and caps at 1.2, with the same reported losses.',
  },
  { client: 'N+1', server: 'N+1', cap: 'unset', expected: works('2.1'), why: 'Same release on both sides.' },
  {
    client: 'N+1',
    server: 'N+1',
    cap: 'N',
    expected: { outcome: 'degraded', sentVersion: '1.2', handledBy: '1.2', droppedArgs: ['reason'], backports: [], lostFields: [] },
    why: 'A pin left in place after the upgrade: the 1.x proxy serves the call, and the audit note is dropped until the pin is removed.',
  },
  {
    client: 'N+1',
    server: 'N+1',
    cap: 'auto',
    expected: works('2.1'),
    why: 'The oldest compute is dogwood, so auto lifts the cap to 2.1 by itself.',
  },
];
