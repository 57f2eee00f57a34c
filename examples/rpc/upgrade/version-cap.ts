import { currentEntry, entryFor, releaseEntry, type ServiceHistory } from './service-history.ts';

export type CapSetting =
  | { readonly kind: 'latest' }
  | { readonly kind: 'pinned'; readonly version: string }
  | { readonly kind: 'auto' };

export class InvalidCapSettingError extends Error {
  override name = 'InvalidCapSettingError';
}

// #region parse-cap
/** The configured cap: empty for none, "auto", an explicit "N.N", or a release alias. */
export function parseCapSetting(text: string | undefined, history: ServiceHistory): CapSetting {
  const value = text?.trim() ?? '';
  if (value === '') return { kind: 'latest' };
  if (value === 'auto') return { kind: 'auto' };
  if (/^\d+\.\d+$/.test(value)) return { kind: 'pinned', version: value };
  const release = releaseEntry(history, value);
  if (release) return { kind: 'pinned', version: release.computeRpc };
  const aliases = history.entries.flatMap((entry) => entry.release ?? []).join(', ');
  throw new InvalidCapSettingError(`Version cap "${value}" is not "auto", a version "N.N" or a release (${aliases})`);
}
// #endregion parse-cap

export class ServiceTooOldError extends Error {
  override name = 'ServiceTooOldError';
}

export class TooOldComputeServiceError extends Error {
  override name = 'TooOldComputeServiceError';
}

/** Reads the lowest service version among running compute nodes; 0 when none is registered. */
export type MinimumVersionLookup = () => Promise<number>;

// #region auto-cap
export class VersionCap {
  private autoCap: string | undefined;

  constructor(
    private readonly setting: CapSetting,
    private readonly history: ServiceHistory,
    private readonly minimumComputeVersion: MinimumVersionLookup,
    private readonly log: (line: string) => void = () => {},
  ) {}

  /** The cap to build the RPC client with; undefined means no cap. */
  async resolve(): Promise<string | undefined> {
    if (this.setting.kind === 'latest') return undefined;
    if (this.setting.kind === 'pinned') return this.setting.version;
    if (this.autoCap !== undefined) return this.autoCap;
    const minimum = await this.minimumComputeVersion();
    const current = currentEntry(this.history);
    // No compute registered yet: answer for now, ask again next time instead of caching.
    if (minimum === 0) return current.computeRpc;
    const entry = entryFor(this.history, minimum);
    if (!entry) {
      throw new ServiceTooOldError(
        `Minimum compute service version is ${minimum}, newer than this service (version ${current.serviceVersion}) knows`,
      );
    }
    this.log(`Automatically selected compute RPC version ${entry.computeRpc} from minimum service version ${minimum}`);
    this.autoCap = entry.computeRpc;
    return entry.computeRpc;
  }

  /** Forget the cached cap: called on the reload signal once the last old node has upgraded. */
  reset(): void {
    this.autoCap = undefined;
  }
}
// #endregion auto-cap

// #region support-window
/** Refuse to run next to compute nodes older than the oldest release this code supports. */
export function checkSupportWindow(history: ServiceHistory, minimumComputeVersion: number): void {
  const oldest = releaseEntry(history, history.oldestSupportedRelease);
  if (!oldest) throw new Error(`Release ${history.oldestSupportedRelease} is not in the service history`);
  if (minimumComputeVersion !== 0 && minimumComputeVersion < oldest.serviceVersion) {
    throw new TooOldComputeServiceError(
      `A compute service at version ${minimumComputeVersion} is running; the oldest supported is ` +
        `${oldest.serviceVersion} (${history.oldestSupportedRelease}). Upgrade it before starting this release.`,
    );
  }
}
// #endregion support-window

