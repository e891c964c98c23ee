import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { decodeUtf8, MAX_RESPONSE_BYTES, nodeResponseHeaders, ResponseTooLargeError, timeoutError, type Exchange, type ExchangeRequest, type ExchangeResponse } from './exchange.js';

/**
 * The exchange (exchange.ts) on `node:http`. Global fetch (undici) spent 2–3 ms of the bot's CPU per UCWA or
 * Huawei call in the line-1 bench: a Request, Headers and streams per call, AbortSignal.timeout + AbortSignal.any,
 * a chain of promises per body chunk. Here a call is one ClientRequest on a pooled socket, one timer and a list
 * of buffers. Node's client never follows redirects, so that part of the contract needs no code.
 *
 * Idle sockets close after 4 s (or sooner when the server's Keep-Alive hint says so): under node's and IIS's
 * default keep-alive timeouts (5 s, 2 min), so a request rarely lands on a socket the server is closing.
 */
const agents = {
  'http:': new HttpAgent({ keepAlive: true, scheduling: 'lifo', timeout: 4_000 }),
  'https:': new HttpsAgent({ keepAlive: true, scheduling: 'lifo', timeout: 4_000 }),
};

export const nodeHttpExchange: Exchange = (request) => {
  const { signal } = request;
  if (signal?.aborted) return Promise.reject(signal.reason);
  const protocol = request.url.protocol;
  if (protocol !== 'http:' && protocol !== 'https:') return Promise.reject(new TypeError(`unsupported protocol ${protocol}`));
  return new Promise<ExchangeResponse>((resolve, reject) => {
    const outgoing = (protocol === 'https:' ? httpsRequest : httpRequest)({
      protocol,
      // node wants an IPv6 host without its brackets (as its own urlToHttpOptions gives it).
      hostname: request.url.hostname.startsWith('[') ? request.url.hostname.slice(1, -1) : request.url.hostname,
      port: request.url.port || undefined,
      path: `${request.url.pathname}${request.url.search}`,
      method: request.method,
      headers: headerList(request),
      agent: agents[protocol],
    });
    let settled = false;
    const settle = (error: unknown, response?: ExchangeResponse) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      if (response) return resolve(response);
      outgoing.destroy();
      reject(error);
    };
    const onAbort = () => settle(signal?.reason);
    const timer = setTimeout(() => settle(timeoutError(request.timeoutMs)), request.timeoutMs);
    signal?.addEventListener('abort', onAbort, { once: true });
    // `on`, not `once`: a request destroyed mid-flight may still report an error, which must not go unheard.
    outgoing.on('error', settle);
    outgoing.once('response', (incoming) => readAnswer(incoming, request.maxBytes ?? MAX_RESPONSE_BYTES, settle));
    outgoing.end(request.body);
  });
};

/**
 * The headers as a flat list with Host first: node writes a list as given, keeping no header object per request.
 * A body gets its Content-Length here, since with a list node adds none of its own (it would send chunks).
 */
function headerList(request: ExchangeRequest): string[] {
  const list = ['Host', request.url.host];
  for (const name in request.headers) {
    if (name.toLowerCase() !== 'host') list.push(name, request.headers[name]!);
  }
  if (request.body !== undefined) list.push('Content-Length', String(Buffer.byteLength(request.body)));
  return list;
}

/**
 * Collects the body within `maxBytes` and settles with the answer or the failure (it may call `settle` again after a
 * failure: callers settle once). Shared with holdingGet, whose held answers are read the same way.
 */
export function readAnswer(incoming: IncomingMessage, maxBytes: number, settle: (error: unknown, response?: ExchangeResponse) => void): void {
  if (Number(incoming.headers['content-length'] ?? 0) > maxBytes) return settle(new ResponseTooLargeError(maxBytes));
  const chunks: Buffer[] = [];
  let total = 0;
  incoming.on('data', (chunk: Buffer) => {
    total += chunk.length;
    if (total > maxBytes) return settle(new ResponseTooLargeError(maxBytes));
    chunks.push(chunk);
  });
  incoming.once('end', () => {
    const body = decodeUtf8(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, total));
    settle(undefined, { status: incoming.statusCode ?? 0, headers: nodeResponseHeaders(incoming.headers), body });
  });
  incoming.on('error', settle);
  incoming.once('aborted', () => settle(Object.assign(new Error('the server closed the connection mid-answer'), { code: 'ECONNRESET' })));
}
