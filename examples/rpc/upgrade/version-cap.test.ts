import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SERVICE_HISTORY as cedarHistory } from '../service/release-n/version-history.ts';
import { SERVICE_HISTORY as history } from '../service/release-n1/version-history.ts';
import { minimumServiceVersion, registerService } from './service-registry.ts';
import {
  checkSupportWindow,
  InvalidCapSettingError,
  parseCapSetting,
  ServiceTooOldError,
  TooOldComputeServiceError,
  VersionCap,
} from './version-cap.ts';

describe('parseCapSetting', () => {
  it.each([
    [undefined, { kind: 'latest' }],
    ['', { kind: 'latest' }],
    ['auto', { kind: 'auto' }],
    ['1.2', { kind: 'pinned', version: '1.2' }],
    ['cedar', { kind: 'pinned', version: '1.2' }],
    ['dogwood', { kind: 'pinned', version: '2.1' }],
  ])('%j → %j', (text, setting) => {
    expect(parseCapSetting(text, history)).toEqual(setting);
  });

  it.each(['elm', '1.2.3', 'AUTO'])('refuses %j and lists the aliases it knows', (text) => {
    expect(() => parseCapSetting(text, history)).toThrow(InvalidCapSettingError);
    expect(() => parseCapSetting(text, history)).toThrow('(alder, birch, cedar, dogwood)');
  });
});

describe('auto: the cap follows the oldest running compute node', () => {
  let registry: string;
  const compute = (host: string, serviceVersion: number) =>
    registerService(registry, { host, binary: 'compute', serviceVersion, url: 'http://127.0.0.1:1' });
  const autoCap = (knownHistory = history, log: string[] = []) =>
    new VersionCap({ kind: 'auto' }, knownHistory, () => minimumServiceVersion(registry, 'compute'), (line) => log.push(line));

  beforeEach(async () => {
    registry = await mkdtemp(join(tmpdir(), 'rpc-registry-'));
  });
  afterEach(() => rm(registry, { recursive: true, force: true }));

  // #region auto-test
  it('picks the RPC version of the oldest node, and says so', async () => {
    await compute('compute-1', 3);
    await compute('compute-2', 5);
    const log: string[] = [];
    expect(await autoCap(history, log).resolve()).toBe('1.2');
    expect(log).toEqual(['Automatically selected compute RPC version 1.2 from minimum service version 3']);
  });

  it('keeps the cap until the reload signal, then follows the upgraded deployment', async () => {
    await compute('compute-1', 3);
    const cap = autoCap();
    expect(await cap.resolve()).toBe('1.2');
    await compute('compute-1', 5); // the last cedar node restarts on dogwood
    expect(await cap.resolve()).toBe('1.2');
    cap.reset();
    expect(await cap.resolve()).toBe('2.1');
  });

  it('with no compute registered yet, answers the current version without caching it', async () => {
    const cap = autoCap();
    expect(await cap.resolve()).toBe('2.1');
    await compute('compute-1', 3);
    expect(await cap.resolve()).toBe('1.2');
  });

  it('refuses to guess when the oldest node is newer than this code knows', async () => {
    await compute('compute-1', 5);
    await expect(autoCap(cedarHistory).resolve()).rejects.toThrow(ServiceTooOldError);
    await expect(autoCap(cedarHistory).resolve()).rejects.toThrow(
      'Minimum compute service version is 5, newer than this service (version 3) knows',
    );
  });
  // #endregion auto-test

  it('pinned and unset settings never read the registry', async () => {
    const unreadable = async () => {
      throw new Error('registry read');
    };
    expect(await new VersionCap({ kind: 'pinned', version: '1.2' }, history, unreadable).resolve()).toBe('1.2');
    expect(await new VersionCap({ kind: 'latest' }, history, unreadable).resolve()).toBeUndefined();
  });
});

describe('checkSupportWindow', () => {
  it.each([0, 3, 4, 5])('dogwood starts next to computes at minimum version %d', (minimum) => {
    expect(() => checkSupportWindow(history, minimum)).not.toThrow();
  });

  it.each([1, 2])('dogwood refuses to start next to a compute at version %d (older than cedar)', (minimum) => {
    expect(() => checkSupportWindow(history, minimum)).toThrow(TooOldComputeServiceError);
  });

  it('cedar, which supports birch, starts next to a birch compute', () => {
    expect(() => checkSupportWindow(cedarHistory, 2)).not.toThrow();
  });
});
