// Each node records an integer service version; the history maps it to the RPC API version that
// code speaks. It is how a newer node learns what an older one understands, and it is pure data:
// the wiki renders the release aliases from it.

// #region history-types
export interface HistoryEntry {
  /** The integer a node of this code records in the service registry. */
  readonly serviceVersion: number;
  /** The compute RPC API version this code implements. */
  readonly computeRpc: string;
  /** The release cut at this entry, usable as a version cap alias ("cedar"). */
  readonly release?: string;
}

export interface ServiceHistory {
  /** Oldest first; a new entry for every change of the RPC API version. */
  readonly entries: readonly HistoryEntry[];
  /** The oldest release whose nodes this code still runs alongside. */
  readonly oldestSupportedRelease: string;
}
// #endregion history-types

export function currentEntry(history: ServiceHistory): HistoryEntry {
  const entry = history.entries.at(-1);
  if (!entry) throw new Error('A service version history needs at least one entry');
  return entry;
}

export function entryFor(history: ServiceHistory, serviceVersion: number): HistoryEntry | undefined {
  return history.entries.find((entry) => entry.serviceVersion === serviceVersion);
}

export function releaseEntry(history: ServiceHistory, release: string): HistoryEntry | undefined {
  return history.entries.find((entry) => entry.release === release);
}
