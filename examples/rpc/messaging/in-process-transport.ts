import type { Transport } from './client.ts';

/**
 * Hands each message to a server handler in the same process, as the raw string a network
 * transport would carry, and keeps every sent message so tests can assert the exact bytes.
 */
export class InProcessTransport implements Transport {
  readonly sent: string[] = [];

  constructor(private readonly servers: Readonly<Record<string, (raw: string) => Promise<string>>>) {}

  async send(server: string, raw: string): Promise<string> {
    this.sent.push(raw);
    const handle = this.servers[server];
    if (!handle) throw new Error(`No server "${server}"`);
    return handle(raw);
  }
}
