import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createServer as createHttpsServer } from 'node:https';
import { createServer as createTcpServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { createLeanHttpExchange } from '../../src/http/leanHttp.js';
import { isNetworkError } from '../../src/http/retry.js';
import type { Exchange } from '../../src/http/exchange.js';

/**
 * The lean HTTP/1.1 client of proactive Bot Connector calls, against a loopback TCP server that writes its answers
 * byte for byte: the framings a server may choose (Content-Length, chunked, read until close, none for 204),
 * informational heads, answers split anywhere, connection reuse and when a connection must not be reused, what a
 * failed or malformed answer rejects with, refused headers, and TLS. The contract it shares with node:http (timeouts,
 * aborts, size limits, redirects) is exchange.test.ts's.
 */
describe('the lean HTTP/1.1 client', () => {
  let server: Server;
  let port: number;
  /** What the server answers to each request (by its path), written as it is. */
  let answer: (path: string, socket: Socket) => void;
  /** Per request: its head and body as received, and the client port it came from. */
  const requests: Array<{ head: string; body: string; clientPort: number }> = [];
  const sockets = new Set<Socket>();
  let exchange: Exchange;

  before(async () => {
    server = createTcpServer((socket) => {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      socket.on('error', () => undefined);
      let pending = Buffer.alloc(0);
      socket.on('data', (chunk: Buffer) => {
        pending = Buffer.concat([pending, chunk]);
        for (;;) {
          const end = pending.indexOf('\r\n\r\n');
          if (end < 0) return;
          const head = pending.toString('latin1', 0, end);
          const length = Number(/\r\ncontent-length: *(\d+)/iu.exec(head)?.[1] ?? 0);
          if (pending.length < end + 4 + length) return;
          const body = pending.toString('utf8', end + 4, end + 4 + length);
          pending = pending.subarray(end + 4 + length);
          requests.push({ head, body, clientPort: socket.remotePort ?? 0 });
          answer(head.split(' ')[1]!, socket);
        }
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });

  beforeEach(() => {
    requests.length = 0;
    exchange = createLeanHttpExchange();
  });

  afterEach(() => {
    for (const socket of sockets) socket.destroy();
  });

  after(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  const get = (path: string, timeoutMs = 2000) => exchange({ method: 'GET', url: new URL(`http://127.0.0.1:${port}${path}`), headers: {}, timeoutMs });
  const ok = (body: string, extra = '') => `HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n${extra}\r\n${body}`;
  /** Writes `text` one byte at a time, each in a packet of its own, so every boundary is tried. */
  const trickle = async (socket: Socket, text: string) => {
    for (const byte of Buffer.from(text)) {
      socket.write(Buffer.from([byte]));
      await new Promise((resolve) => setImmediate(resolve));
    }
  };

  it('writes the request line, Host, the given headers and a Content-Length for the body', async () => {
    answer = (_path, socket) => socket.write(ok('{"id":"m1"}'));
    const body = '{"text":"Zoë 会议"}';
    const reply = await exchange({
      method: 'POST',
      url: new URL(`http://127.0.0.1:${port}/v3/conversations/a%3A1/activities?x=1`),
      headers: { 'Content-Type': 'application/json; charset=utf-8', Authorization: 'Bearer abc' },
      body,
      timeoutMs: 2000,
    });
    assert.equal(reply.status, 200);
    assert.equal(reply.body, '{"id":"m1"}');
    const [line, ...headers] = requests[0]!.head.split('\r\n');
    assert.equal(line, 'POST /v3/conversations/a%3A1/activities?x=1 HTTP/1.1');
    assert.deepEqual(headers, [
      `Host: 127.0.0.1:${port}`,
      'Connection: keep-alive',
      'Content-Type: application/json; charset=utf-8',
      'Authorization: Bearer abc',
      `Content-Length: ${Buffer.byteLength(body)}`,
    ]);
    assert.equal(requests[0]!.body, body);
  });

  it('reads a chunked answer with extensions and trailers, split at every byte', async () => {
    answer = (_path, socket) => void trickle(socket, 'HTTP/1.1 201 Created\r\nTransfer-Encoding: chunked\r\nX-A: 1\r\nx-a: 2\r\n\r\n5;ext=1\r\n{"id"\r\nA\r\n:"\u00e9\u00e9\u00e9"}\r\n0\r\nTrailer: t\r\n\r\n');
    const reply = await get('/chunked');
    assert.equal(reply.status, 201);
    assert.equal(reply.body, '{"id":"ééé"}');
    assert.equal(reply.headers.get('x-a'), '1, 2', 'repeated headers joined');
    assert.equal(reply.headers.get('TRANSFER-ENCODING'), 'chunked');
    await get('/chunked');
    assert.equal(new Set(requests.map((request) => request.clientPort)).size, 1, 'the connection carried the next call');
  });

  it('skips informational heads and reads a 204 without a body', async () => {
    answer = (path, socket) => {
      if (path === '/continue') socket.write(`HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 103 Early Hints\r\nLink: </a>\r\n\r\n${ok('done')}`);
      else socket.write('HTTP/1.1 204 No Content\r\n\r\n');
    };
    assert.equal((await get('/continue')).body, 'done');
    const empty = await get('/empty');
    assert.deepEqual([empty.status, empty.body], [204, '']);
    assert.equal(new Set(requests.map((request) => request.clientPort)).size, 1);
  });

  it('reads an answer without a length until the server closes, and does not reuse that connection', async () => {
    answer = (path, socket) => {
      if (path === '/until-close') {
        socket.write('HTTP/1.1 200 OK\r\n\r\npart one, ');
        setTimeout(() => socket.end('part two'), 20);
      } else socket.write(ok('next'));
    };
    assert.equal((await get('/until-close')).body, 'part one, part two');
    assert.equal((await get('/next')).body, 'next');
    assert.notEqual(requests[0]!.clientPort, requests[1]!.clientPort);
  });

  it('opens a new connection after Connection: close, an HTTP/1.0 answer, a short Keep-Alive hint, or a server closing it while idle', async () => {
    const firsts: Record<string, string> = {
      '/close': ok('a', 'Connection: close\r\n'),
      '/http10': 'HTTP/1.0 200 OK\r\nContent-Length: 1\r\n\r\na',
      '/hint': ok('a', 'Keep-Alive: timeout=1\r\n'),
    };
    for (const path of Object.keys(firsts)) {
      requests.length = 0;
      answer = (asked, socket) => socket.write(asked === path ? firsts[path]! : ok('b'));
      assert.equal((await get(path)).body, 'a');
      assert.equal((await get('/after')).body, 'b', path);
      assert.notEqual(requests[0]!.clientPort, requests[1]!.clientPort, path);
    }
    requests.length = 0;
    answer = (_path, socket) => socket.write(ok('c'));
    await get('/kept');
    for (const socket of sockets) socket.end();
    await new Promise((resolve) => setTimeout(resolve, 50));
    assert.equal((await get('/after-idle-close')).body, 'c', 'the closed connection left the pool');
  });

  it('runs calls at once on connections of their own and reuses them afterwards', async () => {
    const held: Array<() => void> = [];
    answer = (_path, socket) => held.push(() => socket.write(ok('x')));
    const calls = [get('/1'), get('/2'), get('/3')];
    while (held.length < 3) await new Promise((resolve) => setTimeout(resolve, 5));
    for (const release of held) release();
    await Promise.all(calls);
    const ports = new Set(requests.map((request) => request.clientPort));
    assert.equal(ports.size, 3);
    answer = (_path, socket) => socket.write(ok('y'));
    await get('/4');
    assert.ok(ports.has(requests[3]!.clientPort), 'an idle connection was reused');
  });

  it('rejects with ECONNRESET when the server closes mid-answer and with a parse error on a malformed answer, and keeps an answer followed by stray bytes, reusing none of those connections', async () => {
    answer = (path, socket) => {
      if (path === '/cut') {
        socket.write('HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\n12345');
        setTimeout(() => socket.destroy(), 10);
      } else if (path === '/garbage') socket.write('HTTP/1.1 2xx Fine\r\n\r\n');
      else if (path === '/extra') socket.write(`${ok('a')}unasked bytes`);
      else if (path === '/badlength') socket.write('HTTP/1.1 200 OK\r\nContent-Length: 1, 2\r\n\r\na');
      else socket.write(ok('fine'));
    };
    await assert.rejects(get('/cut'), (error: unknown) => (error as { code?: string }).code === 'ECONNRESET' && isNetworkError(error));
    for (const path of ['/garbage', '/badlength']) {
      await assert.rejects(get(path), (error: unknown) => /^HPE_/u.test((error as { code?: string }).code ?? '') && !isNetworkError(error), path);
    }
    // Bytes after a complete answer: the answer stands (the connector took the request), the connection is not used again.
    assert.equal((await get('/extra')).body, 'a');
    assert.equal((await get('/fine')).body, 'fine');
    const ports = requests.map((request) => request.clientPort);
    assert.equal(new Set(ports).size, ports.length, `a connection of its own each: ${ports.join(', ')}`);
  });

  it('refuses header names and values that would break the request apart, before connecting', async () => {
    answer = (_path, socket) => socket.write(ok('no'));
    const url = new URL(`http://127.0.0.1:${port}/x`);
    await assert.rejects(exchange({ method: 'GET', url, headers: { 'X-A': 'a\r\nX-Injected: 1' }, timeoutMs: 2000 }), TypeError);
    await assert.rejects(exchange({ method: 'GET', url, headers: { 'X A': 'a' }, timeoutMs: 2000 }), TypeError);
    assert.equal(requests.length, 0);
  });

  it('fails a refused connection with its code, which callers read as a network failure', async () => {
    const closed = createTcpServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const freePort = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    await assert.rejects(
      exchange({ method: 'GET', url: new URL(`http://127.0.0.1:${freePort}/`), headers: {}, timeoutMs: 2000 }),
      (error: unknown) => (error as { code?: string }).code === 'ECONNREFUSED' && isNetworkError(error),
    );
  });

  describe('over TLS', () => {
    const cert = readFileSync(new URL('../../../test/fixtures/tls/localhost.cert.pem', import.meta.url), 'utf8');
    const key = readFileSync(new URL('../../../test/fixtures/tls/localhost.key.pem', import.meta.url), 'utf8');

    it('refuses a trusted certificate that does not name the host it reached', async () => {
      const secure = createHttpsServer({ cert, key }, (_request, response) => response.end('reached'));
      // Another loopback address: the certificate names localhost and 127.0.0.1 only.
      await new Promise<void>((resolve) => secure.listen(0, '127.0.0.2', resolve));
      try {
        const trusting = createLeanHttpExchange({ ca: cert });
        await assert.rejects(
          trusting({ method: 'GET', url: new URL(`https://127.0.0.2:${(secure.address() as AddressInfo).port}/`), headers: {}, timeoutMs: 2000 }),
          (error: unknown) => (error as { code?: string }).code === 'ERR_TLS_CERT_ALTNAME_INVALID',
        );
      } finally {
        secure.closeAllConnections();
        await new Promise((resolve) => secure.close(resolve));
      }
    });

    it('speaks HTTPS to a server it trusts, by name, and refuses one it does not', async () => {
      const clientPorts: number[] = [];
      const secure = createHttpsServer({ cert, key }, (request, response) => {
        clientPorts.push(request.socket.remotePort ?? 0);
        response.end(`hello ${request.headers.host}`);
      });
      await new Promise<void>((resolve) => secure.listen(0, '127.0.0.1', resolve));
      const securePort = (secure.address() as AddressInfo).port;
      try {
        const trusting = createLeanHttpExchange({ ca: cert });
        for (const host of ['localhost', 'localhost', '127.0.0.1']) {
          const reply = await trusting({ method: 'GET', url: new URL(`https://${host}:${securePort}/`), headers: {}, timeoutMs: 2000 });
          assert.equal(reply.body, `hello ${host}:${securePort}`);
        }
        assert.equal(clientPorts[0], clientPorts[1], 'one connection per origin, kept alive');
        await assert.rejects(
          exchange({ method: 'GET', url: new URL(`https://localhost:${securePort}/`), headers: {}, timeoutMs: 2000 }),
          (error: unknown) => /self[- ]signed|unable to verify/iu.test(String((error as Error).message)),
        );
      } finally {
        secure.closeAllConnections();
        await new Promise((resolve) => secure.close(resolve));
      }
    });
  });
});
