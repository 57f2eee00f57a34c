import { DEFAULT_POSTGRES_VERSION } from '@site/lint-rules/src/settings';
import { toolOf, type Tool } from './tools';

/** Everything a playground link carries. */
export interface PlaygroundState {
  tool: Tool;
  code: string;
  preset: 'recommended' | 'strict' | 'all';
  postgresVersion: number;
  /** The sample schema; the default one when absent (keeps links short). */
  schema?: string;
  /** The migration's file name (a rule page's code block title). */
  file?: string;
  /** Other `settings['live-upgrade']` an example is linted with. */
  settings?: Record<string, unknown>;
}

// The state is JSON, deflated by the browser's CompressionStream and written in base64url into the
// hash, which never reaches the server.
async function pipe(bytes: Uint8Array, stream: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  return new Uint8Array(await new Response(new Blob([bytes as BlobPart]).stream().pipeThrough(stream)).arrayBuffer());
}

export async function encodeState(state: PlaygroundState): Promise<string> {
  const deflated = await pipe(new TextEncoder().encode(JSON.stringify(state)), new CompressionStream('deflate-raw'));
  return btoa(String.fromCharCode(...deflated)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export async function decodeState(encoded: string): Promise<Partial<PlaygroundState>> {
  const binary = atob(encoded.replace(/-/g, '+').replace(/_/g, '/'));
  const bytes = Uint8Array.from(binary, (char) => char.charCodeAt(0));
  return JSON.parse(new TextDecoder().decode(await pipe(bytes, new DecompressionStream('deflate-raw'))));
}

/** The state of a link made from a code block: the tool follows the code, the rest the defaults. */
export function stateForCode(code: string, options: { file?: string; settings?: Record<string, unknown> } = {}): PlaygroundState {
  const { postgresVersion, ...settings } = options.settings ?? {};
  return {
    tool: toolOf(code, options.file),
    code,
    // Every rule, so that a strict rule's example is reported too.
    preset: 'all',
    postgresVersion: typeof postgresVersion === 'number' ? postgresVersion : DEFAULT_POSTGRES_VERSION,
    file: options.file,
    settings: Object.keys(settings).length > 0 ? settings : undefined,
  };
}
