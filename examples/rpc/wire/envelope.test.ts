import { describe, expect, it } from 'vitest';
import { MalformedMessageError, readRequest, type RpcRequest } from '../messaging/messages.ts';
import { decode, encode, ENVELOPE_ROLLOUT, UnsupportedEnvelopeVersionError } from './envelope.ts';

const request: RpcRequest = { method: 'rebuildInstance', version: '1.2', args: { imageRef: 'base-2026-01' } };
const { readFirst, writeNext } = ENVELOPE_ROLLOUT;
type Stage = keyof typeof ENVELOPE_ROLLOUT;

function deliver(sender: Stage, receiver: Stage): RpcRequest {
  return readRequest(decode(encode(request, ENVELOPE_ROLLOUT[sender]), ENVELOPE_ROLLOUT[receiver]));
}

describe('the two-step envelope rollout', () => {
  // #region rollout-steps
  const steps: [string, Stage[]][] = [
    ['before: every node sends and reads bare 1.0', ['beforeEnvelope']],
    ['step 1: release N reads 2.0 but still sends 1.0, next to N-1', ['beforeEnvelope', 'readFirst']],
    ['step 2: release N+1 sends 2.0, next to N', ['readFirst', 'writeNext']],
    ['after: every node sends 2.0', ['writeNext']],
  ];

  describe.each(steps)('%s', (_step, deployment) => {
    const pairs = deployment.flatMap((sender) => deployment.map((receiver) => [sender, receiver] as const));
    it.each(pairs)('sender %s → receiver %s', (sender, receiver) => {
      expect(deliver(sender, receiver)).toEqual(request);
    });
  });

  it('skipping step 1 breaks: a node that never learned 2.0 cannot read it', () => {
    expect(() => deliver('writeNext', 'beforeEnvelope')).toThrow(MalformedMessageError);
  });
  // #endregion rollout-steps
});

describe('the wire bytes', () => {
  it('release N sends the bare message, release N+1 the 2.0 envelope with the message as a string', () => {
    expect(JSON.parse(encode(request, readFirst))).toEqual(request);
    expect(JSON.parse(encode(request, writeNext))).toEqual({ v: '2.0', msg: JSON.stringify(request) });
  });
});

describe('decode', () => {
  const envelope = (v: string) => JSON.stringify({ v, msg: JSON.stringify(request) });

  it.each(['3.0', '2.1'])('rejects envelope %s with a typed error naming the version', (version) => {
    expect(() => decode(envelope(version), writeNext)).toThrow(UnsupportedEnvelopeVersionError);
    expect(() => decode(envelope(version), writeNext)).toThrow(`Envelope version ${version} is not supported`);
  });

  it('accepts a 2.0 envelope and a bare 1.0 message alike', () => {
    expect(decode(envelope('2.0'), readFirst)).toEqual(request);
    expect(decode(JSON.stringify(request), readFirst)).toEqual(request);
  });
});
