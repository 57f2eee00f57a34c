import { describe, expect, it } from 'vitest';
import { currentEntry } from '../upgrade/service-history.ts';
import { compareVersions } from '../wire/version.ts';
import { COMPUTE_RPC_VERSION as cedarRpc } from './release-n/compute-rpc.ts';
import { SERVICE_HISTORY as cedarHistory } from './release-n/version-history.ts';
import { COMPUTE_RPC_VERSION as dogwoodRpc } from './release-n1/compute-rpc.ts';
import { release as dogwood } from './release-n1/release.ts';
import { SERVICE_HISTORY as dogwoodHistory } from './release-n1/version-history.ts';

// #region guard-test
describe.each([
  ['cedar (release N)', cedarHistory, cedarRpc],
  ['dogwood (release N+1)', dogwoodHistory, dogwoodRpc],
])('%s service version history', (_release, history, computeRpc) => {
  it('ends with the RPC version the code implements: a changed API needs a new history entry', () => {
    expect(currentEntry(history).computeRpc, 'Add a service version history entry for the new compute RPC version').toBe(computeRpc);
  });

  it('only moves forward', () => {
    history.entries.slice(1).forEach((entry, index) => {
      const previous = history.entries[index];
      expect(entry.serviceVersion).toBe(previous.serviceVersion + 1);
      expect(compareVersions(entry.computeRpc, previous.computeRpc)).toBeGreaterThan(0);
    });
  });
});

it('a release never rewrites the history it shipped with: cedar’s entries are the start of dogwood’s', () => {
  expect(dogwoodHistory.entries.slice(0, cedarHistory.entries.length)).toEqual(cedarHistory.entries);
});

it('the compute endpoint serves the version the history announces', () => {
  const endpoints = dogwood.computeEndpoints(dogwood.createNotifier('compute:test', () => {}));
  expect(endpoints.map((endpoint) => endpoint.version)).toContain(currentEntry(dogwoodHistory).computeRpc);
});
// #endregion guard-test
