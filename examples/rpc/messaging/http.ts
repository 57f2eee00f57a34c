import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Transport } from './client.ts';

// JSON over HTTP on the loopback interface: each POST body is one message on the wire.

export type Route = (body: string) => Promise<{ status: number; body: string }>;

export interface HttpServer {
  readonly url: string;
  close(): Promise<void>;
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** Listens on 127.0.0.1 on a port the system picks. */
export async function startHttpServer(routes: Readonly<Record<string, Route>>): Promise<HttpServer> {
  const server = createServer((request, response) => {
    const route = request.method === 'POST' ? routes[request.url ?? ''] : undefined;
    if (!route) {
      response.writeHead(404).end();
      return;
    }
    readBody(request)
      .then(route)
      .then(({ status, body }) => response.writeHead(status, { 'content-type': 'application/json' }).end(body))
      .catch((error: unknown) => response.writeHead(500).end(String(error)));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}

export async function postJson(url: string, body: string): Promise<{ status: number; body: string }> {
  const response = await fetch(url, { method: 'POST', body, headers: { 'content-type': 'application/json' } });
  return { status: response.status, body: await response.text() };
}

/** Sends each message to the `/rpc` route of the URL that `urlOf` finds for the server name. */
export function httpTransport(urlOf: (server: string) => Promise<string>): Transport {
  return {
    async send(server, raw) {
      const { status, body } = await postJson(`${await urlOf(server)}/rpc`, raw);
      if (status !== 200) throw new Error(`RPC to ${server} failed with HTTP ${status}: ${body}`);
      return body;
    },
  };
}
