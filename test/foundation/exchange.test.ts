import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fetchExchange, ResponseTooLargeError, type Exchange } from '../../src/http/exchange.js';
import { leanHttpExchange } from '../../src/http/leanHttp.js';
import { defaultExchange, exchangeFor } from '../../src/http/carrier.js';
import { nodeHttpExchange } from '../../src/http/nodeHttp.js';
import { HuaweiError } from '../../src/huawei/errors.js';
import { HuaweiTransport } from '../../src/huawei/transport.js';
import { createLogger } from '../../src/logging.js';

/**
 * The adapters' request/response exchange against a loopback server: every carrier (node:http; a given fetch, what
 * tests and proxies use; the lean client of the Bot Connector calls; the adapters' default, the lean client or
 * node:http for a Latin-1 header) keeps one contract — bounded, abortable, redirects returned and never
 * followed, answers size-limited, statuses passed through — and node:http reuses its connections.
 */
describe('the REST exchange', () => {
  let server: Server;
  let base: string;
  let handle: (request: IncomingMessage, response: ServerResponse) => void;
  const paths: string[] = [];
  const ports: number[] = [];

  before(async () => {
    server = createServer((request, response) => {
      paths.push(request.url ?? '');
      ports.push(request.socket.remotePort ?? 0);
      handle(request, response);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  beforeEach(() => {
    paths.length = 0;
    ports.length = 0;
  });

  after(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  const carriers: Array<[string, Exchange]> = [
    ['node:http', nodeHttpExchange],
    ['fetch', fetchExchange(fetch)],
    ['the lean HTTP/1.1 client', leanHttpExchange],
    ['the adapters\' default carrier', defaultExchange],
  ];

  for (const [name, exchange] of carriers) {
    describe(`over ${name}`, () => {
      it('sends method, headers and body, and hands back status, headers and the UTF-8 body', async () => {
        let seen: { method?: string; type?: string; length?: string; body: string } = { body: '' };
        handle = (request, response) => {
          let body = '';
          request.setEncoding('utf8');
          request.on('data', (chunk: string) => (body += chunk));
          request.on('end', () => {
            seen = { method: request.method, type: request.headers['content-type'], length: request.headers['content-length'], body };
            response.writeHead(201, { 'content-type': 'application/json', 'x-request-id': 'r1' });
            response.end('\ufeff{"name":"Zoë 会议"}');
          });
        };
        const body = '{"subject":"预算"}';
        const answer = await exchange({ method: 'POST', url: new URL(`${base}/create`), headers: { 'Content-Type': 'application/json' }, body, timeoutMs: 5000 });
        assert.equal(answer.status, 201);
        assert.equal(answer.headers.get('X-Request-Id'), 'r1');
        assert.equal(answer.headers.get('absent'), null);
        assert.equal(answer.body, '{"name":"Zoë 会议"}', 'decoded, the byte-order mark dropped');
        assert.deepEqual(seen, { method: 'POST', type: 'application/json', length: String(Buffer.byteLength(body)), body });
      });

      it('passes an error status and its body through instead of throwing', async () => {
        handle = (_request, response) => {
          response.writeHead(503, { 'retry-after': '2' });
          response.end('{"error_code":"MMC.1"}');
        };
        const answer = await exchange({ method: 'GET', url: new URL(`${base}/busy`), headers: {}, timeoutMs: 5000 });
        assert.equal(answer.status, 503);
        assert.equal(answer.headers.get('retry-after'), '2');
        assert.equal(answer.body, '{"error_code":"MMC.1"}');
      });

      it('returns a redirect as it is and never follows it (the token stays with its host)', async () => {
        handle = (request, response) => {
          if (request.url === '/elsewhere') return response.end('followed');
          response.writeHead(302, { location: `${base}/elsewhere` });
          response.end();
        };
        const answer = await exchange({ method: 'GET', url: new URL(`${base}/moved`), headers: { Authorization: 'Bearer t' }, timeoutMs: 5000 });
        assert.equal(answer.status, 302);
        assert.equal(answer.headers.get('location'), `${base}/elsewhere`);
        assert.deepEqual(paths, ['/moved']);
      });

      it('ends with a TimeoutError when no complete answer comes in time, half-sent bodies included', async () => {
        handle = (request, response) => {
          if (request.url !== '/half') return;
          // writeHead and write apart: another suite's server library may wrap writeHead without returning the response.
          response.writeHead(200);
          response.write('{"partial":');
        };
        for (const path of ['/silent', '/half']) {
          const started = Date.now();
          await assert.rejects(exchange({ method: 'GET', url: new URL(`${base}${path}`), headers: {}, timeoutMs: 150 }), (error: Error) => error.name === 'TimeoutError');
          assert.ok(Date.now() - started < 2000, `${path} ended near its timeout`);
        }
      });

      it('ends when the signal aborts, before sending or mid-exchange, with the signal\'s reason', async () => {
        handle = () => undefined;
        const early = new AbortController();
        early.abort(new Error('stop before'));
        await assert.rejects(exchange({ method: 'GET', url: new URL(`${base}/never`), headers: {}, timeoutMs: 5000, signal: early.signal }), /stop before|abort/i);
        const late = new AbortController();
        setTimeout(() => late.abort(new Error('stop during')), 50);
        await assert.rejects(exchange({ method: 'GET', url: new URL(`${base}/hang`), headers: {}, timeoutMs: 5000, signal: late.signal }), /stop during|abort/i);
      });

      it('refuses an answer over the size limit, declared or streamed, with a typed error', async () => {
        handle = (request, response) => {
          const body = 'x'.repeat(2048);
          if (request.url === '/declared') response.writeHead(200, { 'content-length': String(body.length) });
          else response.writeHead(200); // chunked: the limit is found while reading
          response.write(body.slice(0, 1024));
          setTimeout(() => response.end(body.slice(1024)), 20);
        };
        for (const path of ['/declared', '/streamed']) {
          await assert.rejects(
            exchange({ method: 'GET', url: new URL(`${base}${path}`), headers: {}, timeoutMs: 5000, maxBytes: 1500 }),
            (error: unknown) => error instanceof ResponseTooLargeError && error.limitBytes === 1500,
          );
        }
        const small = await exchange({ method: 'GET', url: new URL(`${base}/declared`), headers: {}, timeoutMs: 5000, maxBytes: 2048 });
        assert.equal(small.body.length, 2048, 'exactly the limit is allowed');
      });
    });
  }

  it('reuses one keep-alive connection for calls in sequence over node:http', async () => {
    handle = (_request, response) => response.end('ok');
    for (let call = 0; call < 3; call += 1) await nodeHttpExchange({ method: 'GET', url: new URL(`${base}/again`), headers: {}, timeoutMs: 5000 });
    assert.equal(ports.length, 3);
    assert.equal(new Set(ports).size, 1, `one client port: ${ports.join(', ')}`);
  });

  it('is the lean client unless a fetch is given, which then carries every call', async () => {
    handle = (_request, response) => response.end('ok');
    assert.equal(exchangeFor(undefined), defaultExchange);
    const seen: string[] = [];
    const recording = exchangeFor((input, init) => {
      seen.push(String(input));
      return fetch(input, init);
    });
    await recording({ method: 'GET', url: new URL(`${base}/recorded`), headers: {}, timeoutMs: 5000 });
    assert.deepEqual(seen, [`${base}/recorded`]);
  });

  it('sends a Latin-1 header value as node:http does (the lean client would refuse it)', async () => {
    let agent: string | undefined;
    handle = (request, response) => {
      // node reads header bytes as Latin-1, so the value arrives as it was configured.
      agent = request.headers['user-agent'];
      response.end('ok');
    };
    const answer = await defaultExchange({ method: 'GET', url: new URL(`${base}/latin1`), headers: { 'User-Agent': 'Réunions/1.0' }, timeoutMs: 5000 });
    assert.equal(answer.status, 200);
    assert.equal(agent, 'Réunions/1.0');
    await assert.rejects(leanHttpExchange({ method: 'GET', url: new URL(`${base}/latin1`), headers: { 'User-Agent': 'Réunions/1.0' }, timeoutMs: 5000 }), TypeError);
  });

  it('reaches the Huawei client as typed errors: a timeout, an oversized answer, a redirect', async () => {
    handle = (request, response) => {
      if (request.url?.startsWith('/slow')) return;
      if (request.url?.startsWith('/moved')) {
        response.writeHead(301, { location: 'https://elsewhere.example/' });
        return response.end();
      }
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(`{"data":"${'x'.repeat(200)}"}`);
    };
    const transport = (maxBytes: number) =>
      new HuaweiTransport({
        endpoint: base,
        logger: createLogger({ level: 'silent' }),
        requestTimeoutMs: 150,
        retry: { retries: 0 },
        exchange: (request) => nodeHttpExchange({ ...request, maxBytes }),
        secrets: () => [],
      });
    const failure = (path: string, maxBytes = 1 << 20) => transport(maxBytes).send({ operation: 'test', method: 'GET', path, idempotent: true }).then(
      () => assert.fail('expected a failure'),
      (error: unknown) => error,
    );
    const timedOut = await failure('/slow');
    assert.ok(timedOut instanceof HuaweiError && timedOut.code === 'TIMEOUT', String(timedOut));
    const tooLarge = await failure('/big', 100);
    assert.ok(tooLarge instanceof HuaweiError && tooLarge.code === 'BAD_RESPONSE', String(tooLarge));
    const moved = await failure('/moved');
    assert.ok(moved instanceof HuaweiError && moved.status === 301, String(moved));
  });
});
