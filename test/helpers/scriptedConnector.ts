import { createServer, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the connector does with one request: answer it (status, headers, body), or never answer. */
export type ConnectorAnswer = { status: number; headers?: Record<string, string>; body?: unknown } | 'hang';

export interface ConnectorRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: Record<string, unknown>;
  /** Date.now() when the request's body had arrived. */
  at: number;
}

export interface ScriptedConnector {
  url: string;
  received: ConnectorRequest[];
  close(): Promise<void>;
}

/**
 * A Bot Connector on loopback that answers from a script (then 201 for a POST, 200 for a PUT, each with a new id)
 * and records every request, for the tests of the bot's own sends and replies.
 */
export async function startScriptedConnector(script: ConnectorAnswer[] = []): Promise<ScriptedConnector> {
  const received: ConnectorRequest[] = [];
  const hanging: ServerResponse[] = [];
  const server: Server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const body = text ? (JSON.parse(text) as Record<string, unknown>) : {};
      received.push({ method: request.method ?? '', url: request.url ?? '', headers: request.headers, body, at: Date.now() });
      const answer = script.shift() ?? { status: request.method === 'PUT' ? 200 : 201, body: { id: `m${received.length}` } };
      if (answer === 'hang') {
        hanging.push(response);
        return;
      }
      response.writeHead(answer.status, { 'content-type': 'application/json', ...answer.headers });
      response.end(JSON.stringify(answer.body ?? {}));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    received,
    close: async () => {
      for (const response of hanging) response.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/**
 * For a mocha suite: a function that starts scripted connectors, each closed after the test that started it.
 * Call it in the `describe` body.
 */
export function scriptedConnectorsPerTest(): (script?: ConnectorAnswer[]) => Promise<ScriptedConnector> {
  const closers: Array<() => Promise<void>> = [];
  afterEach(async () => {
    await Promise.all(closers.splice(0).map((close) => close()));
  });
  return async (script) => {
    const started = await startScriptedConnector(script);
    closers.push(started.close);
    return started;
  };
}
