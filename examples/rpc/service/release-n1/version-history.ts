import type { ServiceHistory } from '../../upgrade/service-history.ts';

// #region history
export const SERVICE_HISTORY: ServiceHistory = {
  entries: [
    { serviceVersion: 1, computeRpc: '1.0', release: 'alder' },
    { serviceVersion: 2, computeRpc: '1.1', release: 'birch' },
    { serviceVersion: 3, computeRpc: '1.2', release: 'cedar' },
    { serviceVersion: 4, computeRpc: '2.0' },
    { serviceVersion: 5, computeRpc: '2.1', release: 'dogwood' },
  ],
  // Dogwood runs next to cedar nodes during the upgrade, and next to nothing older.
  oldestSupportedRelease: 'cedar',
};
// #endregion history
