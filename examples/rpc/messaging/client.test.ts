import { describe, expect, it } from 'vitest';
import { ENVELOPE_ROLLOUT } from '../wire/envelope.ts';
import { RpcClient, RpcVersionCapError } from './client.ts';
import { Dispatcher, serveRaw } from './dispatcher.ts';
import { InProcessTransport } from './in-process-transport.ts';
import { RemoteError } from './messages.ts';

const format = ENVELOPE_ROLLOUT.writeNext;
const echo = new Dispatcher([{ version: '1.3', methods: { echo: (args) => args } }]);

function client(versionCap?: string) {
  const transport = new InProcessTransport({ 'host-1': (raw) => serveRaw(echo, format, raw) });
  return { transport, client: new RpcClient({ transport, format, version: '1.3', versionCap }) };
}

describe('canSendVersion', () => {
  it.each([
    [undefined, '1.3', true], // no cap: send what the code knows
    [undefined, '9.0', true],
    ['1.2', '1.0', true],
    ['1.2', '1.2', true],
    ['1.2', '1.3', false],
    ['1.2', '2.0', false],
    ['2.1', '1.2', false], // a cap in another major does not allow the old major
  ])('cap %s, version %s → %s', (cap, version, expected) => {
    expect(client(cap).client.canSendVersion(version)).toBe(expected);
  });
});

describe('prepare', () => {
  // #region cap-test
  it('throws a typed error above the cap, and nothing reaches the wire', () => {
    const { client: capped, transport } = client('1.2');
    expect(() => capped.prepare({ version: '1.3', server: 'host-1' })).toThrow(RpcVersionCapError);
    expect(() => capped.prepare({ server: 'host-1' })).toThrow('Requested message version 1.3 is above the version cap 1.2');
    expect(transport.sent).toEqual([]);
  });
  // #endregion cap-test

  it('sends at the prepared version and returns the result', async () => {
    const { client: capped, transport } = client('1.2');
    const result = await capped.prepare({ version: '1.1', server: 'host-1' }).call('echo', { text: 'hello' });
    expect(result).toEqual({ text: 'hello' });
    const sent = JSON.parse(transport.sent[0]) as { v: string; msg: string };
    expect(JSON.parse(sent.msg)).toEqual({ method: 'echo', version: '1.1', args: { text: 'hello' } });
  });

  it('raises a failure from the server under its original name', async () => {
    const call = client().client.prepare({ server: 'host-1' }).call('shout', {});
    await expect(call).rejects.toBeInstanceOf(RemoteError);
    await expect(call).rejects.toMatchObject({ remoteName: 'NoSuchMethodError' });
  });
});
