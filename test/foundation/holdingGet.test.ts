import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Cancellation } from '../../src/http/cancellation.js';
import { DeadlineWheel } from '../../src/http/deadlines.js';
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

async function waitUntil(condition: () => boolean): Promise<void> {
  for (let waited = 0; !condition(); waited += 10) {
    if (waited > 2000) throw new Error('condition not met within 2 s');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
