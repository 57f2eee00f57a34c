import { isCompatible } from './version.ts';

// The envelope is the container around every message and reply. Its version describes the
// container, not the API inside it: an API changes every release, the container almost never.
// Format 1.0 is the bare JSON message; format 2.0 wraps it as {"v": "2.0", "msg": "<json>"}.

// #region envelope
export const ENVELOPE_VERSION = '2.0';

export interface Envelope {
  v: string;
  msg: string;
}

/** What one release of the wire code reads and sends. */
export interface WireFormat {
  /** Understands 2.0 envelopes (and still the bare 1.0 messages). */
  readonly readsEnvelope: boolean;
  /** Wraps what it sends in a 2.0 envelope; otherwise sends bare 1.0 messages. */
  readonly sendsEnvelope: boolean;
}

export class UnsupportedEnvelopeVersionError extends Error {
  override name = 'UnsupportedEnvelopeVersionError';
  constructor(readonly version: string) {
    super(`Envelope version ${version} is not supported: this reader understands envelopes up to ${ENVELOPE_VERSION}`);
  }
}

function isEnvelope(value: unknown): value is Envelope {
  return typeof value === 'object' && value !== null && 'v' in value && 'msg' in value && typeof value.msg === 'string';
}

export function encode(message: unknown, format: WireFormat): string {
  if (!format.sendsEnvelope) return JSON.stringify(message);
  const envelope: Envelope = { v: ENVELOPE_VERSION, msg: JSON.stringify(message) };
  return JSON.stringify(envelope);
}

export function decode(raw: string, format: WireFormat): unknown {
  const parsed: unknown = JSON.parse(raw);
  // A reader from before the envelope existed takes whatever arrives as the message itself.
  if (!format.readsEnvelope || !isEnvelope(parsed)) return parsed;
  if (typeof parsed.v !== 'string' || !isCompatible(ENVELOPE_VERSION, parsed.v)) {
    throw new UnsupportedEnvelopeVersionError(String(parsed.v));
  }
  return JSON.parse(parsed.msg) as unknown;
}
// #endregion envelope

// #region rollout
/** The two-step rollout of envelope 2.0: every node learns to read it before any node sends it. */
export const ENVELOPE_ROLLOUT = {
  /** Releases from before the envelope: read and send bare messages only. */
  beforeEnvelope: { readsEnvelope: false, sendsEnvelope: false },
  /** Release N: reads 2.0 but keeps sending 1.0, so N-1 nodes can still read it. */
  readFirst: { readsEnvelope: true, sendsEnvelope: false },
  /** Release N+1: every node it can meet reads 2.0, so it sends 2.0. */
  writeNext: { readsEnvelope: true, sendsEnvelope: true },
} as const satisfies Record<string, WireFormat>;
// #endregion rollout
