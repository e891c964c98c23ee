import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createNetServer, type AddressInfo, type Server as NetServer, type Socket } from 'node:net';
import { Cancellation } from '../../src/http/cancellation.js';
import { DeadlineWheel } from '../../src/http/deadlines.js';
import { ResponseTooLargeError } from '../../src/http/exchange.js';
import { holdingGet } from '../../src/http/holdingGet.js';

/** The event channel's hanging GET on node:http: answers, deadlines and cancellation, as fetch gave them. */
describe('holdingGet and the deadline wheel', () => {
  let server: Server;
  let base: string;
  let handle: (request: IncomingMessage, response: ServerResponse) => void;
  const closed: string[] = [];

  before(async () => {
    server = createServer((request, response) => {
      request.socket.once('close', () => closed.push(request.url ?? ''));
      handle(request, response);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  after(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('hands back the whole answer (status, headers, body) and sends the given headers', async () => {
    let seen: IncomingMessage['headers'] = {};
    let rawHosts = 0;
    handle = (request, response) => {
      seen = request.headers;
      rawHosts = request.rawHeaders.filter((name, index) => index % 2 === 0 && name.toLowerCase() === 'host').length;
      // Written in two parts, after a while: the body is read whole, multi-byte characters across chunks included.
      const body = Buffer.from(JSON.stringify({ name: 'Zoë 会议' }));
      response.writeHead(200, { 'content-type': 'application/json', etag: '"7"' });
      response.write(body.subarray(0, 10));
      setTimeout(() => response.end(body.subarray(10)), 30);
    };
    const response = await holdingGet(new URL(`${base}/events?ack=1`), { headers: { authorization: 'Bearer t', accept: 'application/json' }, timeoutMs: 5000 });
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('etag'), '"7"');
    assert.deepEqual(JSON.parse(response.body), { name: 'Zoë 会议' });
    assert.equal(seen.authorization, 'Bearer t');
    assert.equal(seen.accept, 'application/json');
    assert.equal(seen.host, new URL(base).host, 'the URL\'s Host');
    assert.equal(rawHosts, 1, 'one Host');
  });

  it('passes error statuses and bodiless answers through', async () => {
    handle = (request, response) => {
      // writeHead and end apart: another suite's server library may wrap writeHead without returning the response.
      response.writeHead(request.url === '/gone' ? 410 : 204, request.url === '/gone' ? { 'content-type': 'application/json' } : {});
      response.end(request.url === '/gone' ? '{"code":"Gone"}' : undefined);
    };
    const gone = await holdingGet(new URL(`${base}/gone`), { headers: {}, timeoutMs: 5000 });
    assert.equal(gone.status, 410);
    assert.equal(gone.body, '{"code":"Gone"}');
    assert.equal((await holdingGet(new URL(`${base}/empty`), { headers: {}, timeoutMs: 5000 })).status, 204);
  });

  it('gives up at its deadline with a TimeoutError, and closes the connection', async function () {
    this.timeout(5000);
    handle = () => undefined;
    const started = Date.now();
    await assert.rejects(holdingGet(new URL(`${base}/held`), { headers: {}, timeoutMs: 200 }), (error: Error) => error.name === 'TimeoutError');
    // One-second ticks: never early, at most two ticks late (plus a loaded machine's slack).
    assert.ok(Date.now() - started >= 200 && Date.now() - started < 3500, `${Date.now() - started} ms`);
    await waitUntil(() => closed.includes('/held'));
  });

  it('stops when its signal aborts, with the signal\'s reason, and closes the connection', async () => {
    handle = () => undefined;
    const controller = new AbortController();
    const pending = holdingGet(new URL(`${base}/cancelled`), { headers: {}, timeoutMs: 60_000, signal: controller.signal });
    setTimeout(() => controller.abort(new Error('stop')), 50);
    await assert.rejects(pending, /stop/);
    await waitUntil(() => closed.includes('/cancelled'));
  });

  it('stops when its Cancellation is cancelled, with its reason, closes the connection, and never starts once cancelled', async () => {
    handle = () => undefined;
    const cancellation = new Cancellation();
    const pending = holdingGet(new URL(`${base}/called-off`), { headers: {}, timeoutMs: 60_000, cancellation });
    setTimeout(() => cancellation.cancel(new Error('called off')), 50);
    await assert.rejects(pending, /called off/);
    await waitUntil(() => closed.includes('/called-off'));
    await assert.rejects(holdingGet(new URL(`${base}/never`), { headers: {}, timeoutMs: 60_000, cancellation }), /called off/);
  });

  it('lets one reaction at a time hear a Cancellation, and a late one at once', () => {
    const cancellation = new Cancellation();
    const heard: string[] = [];
    const first = () => heard.push('first');
    cancellation.watch(first);
    cancellation.watch(() => heard.push('second'));
    cancellation.unwatch(first);
    cancellation.cancel();
    cancellation.cancel();
    cancellation.watch((reason) => heard.push((reason as Error).name));
    assert.deepEqual(heard, ['second', 'AbortError']);
    assert.ok(cancellation.signal().aborted);
  });

  it('reports a connection the server drops', async () => {
    handle = (request) => request.socket.destroy();
    await assert.rejects(holdingGet(new URL(`${base}/dropped`), { headers: {}, timeoutMs: 5000 }), (error: Error & { code?: string }) => error.code === 'ECONNRESET');
  });

  it('fires each deadline once when due, never a cancelled one, and stops its timer when none waits', async () => {
    const wheel = new DeadlineWheel(10);
    const fired: string[] = [];
    wheel.add(20, () => fired.push('a'));
    const cancelled = wheel.add(20, () => fired.push('b'));
    const started = Date.now();
    wheel.add(500, () => fired.push('c'));
    wheel.cancel(cancelled);
    wheel.cancel(cancelled);
    assert.equal(wheel.size, 2);
    await waitUntil(() => fired.length > 0);
    assert.deepEqual(fired, ['a']);
    await waitUntil(() => fired.length > 1);
    assert.deepEqual(fired, ['a', 'c']);
    assert.ok(Date.now() - started >= 500, 'not before it is due');
    assert.equal(wheel.size, 0);
    await new Promise((resolve) => setTimeout(resolve, 30));
    assert.deepEqual(fired, ['a', 'c'], 'each fires once');
  });
});

/**
 * The answer as the bytes come, from a server that writes them by hand: the body delimited each way HTTP/1.1 allows,
 * split anywhere, and the connection reused only when the answer says it may be.
 */
describe('holdingGet reading answers byte by byte', () => {
  let server: NetServer;
  let base: string;
  /** What the server writes for each request it reads (the request's head is given), in parts, a pause between. */
  let answer: (head: string) => Array<string | Buffer>;
  const connections: Socket[] = [];
  const heads: string[] = [];
  /** For each request read, the connection it came on (its index in `connections`). */
  const servedBy: number[] = [];

  before(async () => {
    server = createNetServer((socket) => {
      connections.push(socket);
      let buffered = '';
      socket.on('data', (data) => {
        buffered += data.toString('latin1');
        for (let end = buffered.indexOf('\r\n\r\n'); end >= 0; end = buffered.indexOf('\r\n\r\n')) {
          const head = buffered.slice(0, end);
          buffered = buffered.slice(end + 4);
          heads.push(head);
          servedBy.push(connections.indexOf(socket));
          void writeParts(socket, answer(head));
        }
      });
      socket.on('error', () => undefined);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  after(async () => {
    for (const socket of connections) socket.destroy();
    await new Promise((resolve) => server.close(resolve));
  });

  beforeEach(() => {
    heads.length = 0;
    servedBy.length = 0;
  });

  const get = (path: string, maxBytes?: number) => holdingGet(`${base}${path}`, { headers: { Accept: 'application/json', Authorization: 'Bearer t' }, timeoutMs: 5000, maxBytes });

  it('reads a chunked body split across writes, chunk lines and line ends included, and reuses the connection', async () => {
    const body = Buffer.from(JSON.stringify({ sender: [], note: 'Zoë 会议 '.repeat(20) }));
    answer = () => {
      const chunked = Buffer.concat([
        Buffer.from(`HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nX-Twice: a\r\nX-Twice: b\r\n\r\n`),
        Buffer.from(`${(40).toString(16)};ext=1\r\n`),
        body.subarray(0, 40),
        Buffer.from(`\r\n${(body.length - 40).toString(16)}\r\n`),
        body.subarray(40),
        Buffer.from('\r\n0\r\nX-Trailer: t\r\n\r\n'),
      ]);
      // Cut at every few bytes: inside the head, a size line, a multi-byte character and a line end.
      const parts: Buffer[] = [];
      for (let at = 0; at < chunked.length; at += 7) parts.push(chunked.subarray(at, at + 7));
      return parts;
    };
    const first = await get('/chunked');
    assert.equal(first.status, 200);
    assert.equal(first.body, body.toString('utf8'));
    assert.equal(first.headers.get('x-twice'), 'a, b');
    assert.equal(first.headers.get('Content-Type'), 'application/json');
    const second = await get('/chunked?again=1');
    assert.equal(second.body, body.toString('utf8'));
    assert.equal(servedBy[1], servedBy[0], 'the second GET went on the first one\'s connection');
    assert.match(heads[0]!, /^GET \/chunked HTTP\/1\.1\r\nHost: 127\.0\.0\.1:\d+\r\nAccept: application\/json\r\nAuthorization: Bearer t\r\nConnection: keep-alive$/u);
    assert.match(heads[1]!, /^GET \/chunked\?again=1 HTTP\/1\.1\r\n/u);
  });

  it('skips an interim 1xx answer and reads a Content-Length body', async () => {
    answer = () => ['HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 201 Created\r\nContent-Length: 11\r\nLocation: /x\r\n\r\nhello', ' world'];
    const response = await get('/length');
    assert.equal(response.status, 201);
    assert.equal(response.body, 'hello world');
    assert.equal(response.headers.get('location'), '/x');
  });

  it('reads a body delimited by the connection closing, and does not reuse that connection', async () => {
    answer = (head) => (head.includes('/close') ? ['HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\n\r\nuntil ', 'the end', null as unknown as string] : ['HTTP/1.1 204 No Content\r\n\r\n']);
    assert.equal((await get('/close')).body, 'until the end');
    assert.equal((await get('/after')).status, 204);
    assert.notEqual(servedBy[1], servedBy[0], 'a new connection after the closed one');
  });

  it('opens a new connection when the answer says Connection: close', async () => {
    answer = (head) => [`HTTP/1.1 200 OK\r\nContent-Length: 2\r\n${head.includes('/last') ? 'Connection: close\r\n' : ''}\r\nok`];
    await get('/warm');
    assert.equal((await get('/last')).body, 'ok');
    assert.equal((await get('/next')).body, 'ok');
    assert.equal(servedBy[1], servedBy[0], 'kept alive until told otherwise');
    assert.notEqual(servedBy[2], servedBy[1], 'a new connection after Connection: close');
  });

  it('refuses an answer over its limit, by its declared length or by what arrives', async () => {
    answer = (head) =>
      head.includes('/declared')
        ? ['HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n']
        : ['HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n8\r\n12345678\r\n', '8\r\n12345678\r\n0\r\n\r\n'];
    await assert.rejects(get('/declared', 50), (error: unknown) => error instanceof ResponseTooLargeError);
    await assert.rejects(get('/chunks', 10), (error: unknown) => error instanceof ResponseTooLargeError);
  });

  it('fails on a malformed answer instead of guessing', async () => {
    answer = (head) => (head.includes('/garbage') ? ['SMTP ready\r\n\r\n'] : ['HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n']);
    await assert.rejects(get('/garbage'), /not an HTTP\/1\.x answer/);
    await assert.rejects(get('/bad-chunk'), /invalid chunk size/);
  });

  it('reports a connection closed mid-answer', async () => {
    answer = () => ['HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nhalf', null as unknown as string];
    await assert.rejects(get('/cut'), (error: Error & { code?: string }) => error.code === 'ECONNRESET' && /mid-answer/.test(error.message));
  });

  it('closes a connection left idle, and opens a new one for the next GET', async function () {
    this.timeout(15_000);
    answer = () => ['HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok'];
    await get('/before-idle');
    const used = connections[servedBy[0]!]!;
    const closedAt = await new Promise<number>((resolve) => used.once('close', () => resolve(Date.now())));
    assert.ok(closedAt > 0);
    await get('/after-idle');
    assert.notEqual(servedBy[1], servedBy[0]);
  });

  it('refuses headers and paths that would add a line to the request', async () => {
    await assert.rejects(holdingGet(`${base}/x`, { headers: { Authorization: 'Bearer t\r\nX-Evil: 1' }, timeoutMs: 1000 }), (error: Error & { code?: string }) => error.code === 'ERR_INVALID_CHAR');
    await assert.rejects(holdingGet(`${base}/x`, { headers: { 'Bad Name': 'v' }, timeoutMs: 1000 }), (error: Error & { code?: string }) => error.code === 'ERR_INVALID_HTTP_TOKEN');
    assert.equal(heads.length, 0, 'nothing was sent');
  });
});

/** Writes each part after a short pause; a null part closes the connection. */
async function writeParts(socket: Socket, parts: Array<string | Buffer>): Promise<void> {
  for (const part of parts) {
    await new Promise((resolve) => setTimeout(resolve, 2));
    if (part === null) {
      socket.end();
      return;
    }
    socket.write(part);
  }
}

async function waitUntil(condition: () => boolean): Promise<void> {
  for (let waited = 0; !condition(); waited += 10) {
    if (waited > 2000) throw new Error('condition not met within 2 s');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
