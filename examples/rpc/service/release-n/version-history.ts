import type { ServiceHistory } from '../../upgrade/service-history.ts';

// Cedar's copy of the history, as it was released: it ends at cedar.
export const SERVICE_HISTORY: ServiceHistory = {
  entries: [
    { serviceVersion: 1, computeRpc: '1.0', release: 'alder' },
    { serviceVersion: 2, computeRpc: '1.1', release: 'birch' },
    { serviceVersion: 3, computeRpc: '1.2', release: 'cedar' },
  ],
  oldestSupportedRelease: 'birch',
};
