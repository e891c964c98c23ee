import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { DeadlineWheel } from './deadlines.js';

/**
 * A GET that the server may hold open for minutes (UCWA's event channel), for thousands at once. `fetch` keeps a
 * request, a controller, streams, abort signals and a chain of async frames alive for each pending call (~17 KB of
 * heap in the line-3 bench); a `node:http` request through one shared keep-alive agent per protocol holds a
 * socket and its request object (~5 KB), and its deadline sits on one shared timer wheel. The answer is read whole
 * and handed back as a `Response`, so callers treat it like fetch's.
 */
const agents = {
  'http:': new HttpAgent({ keepAlive: true, scheduling: 'lifo' }),
  'https:': new HttpsAgent({ keepAlive: true, scheduling: 'lifo' }),
};
const deadlines = new DeadlineWheel();

export interface HoldingGetOptions {
  headers: Record<string, string>;
  /** The whole exchange, answer included, ends by then: a TimeoutError. */
  timeoutMs: number;
  signal?: AbortSignal;
}

/** Statuses whose Response must have no body. */
const bodiless = new Set([101, 204, 205, 304]);

export function holdingGet(url: URL, options: HoldingGetOptions): Promise<Response> {
  const { signal } = options;
  if (signal?.aborted) return Promise.reject(signal.reason);
  const protocol = url.protocol === 'https:' ? 'https:' : url.protocol === 'http:' ? 'http:' : undefined;
  if (!protocol) return Promise.reject(new TypeError(`holdingGet: unsupported protocol ${url.protocol}`));
  return new Promise<Response>((resolve, reject) => {
    const send = protocol === 'https:' ? httpsRequest : httpRequest;
    const request = send({
      protocol,
      // node wants an IPv6 host without its brackets (as its own urlToHttpOptions gives it).
      hostname: url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname,
      port: url.port || undefined,
      path: `${url.pathname}${url.search}`,
      method: 'GET',
      // As a flat list, written as given: node then keeps no header object per request, and the agent's copy of
      // these options, held by the socket's listeners as long as the connection lives, stays small. With a list,
      // node adds no Host of its own.
      headers: ['Host', url.host, ...Object.entries(options.headers).filter(([name]) => name.toLowerCase() !== 'host').flat()],
      agent: agents[protocol],
    });
    const fail = (error: unknown) => {
      finish();
      request.destroy();
      reject(error);
    };
    const onAbort = () => fail(signal?.reason);
    const deadline = deadlines.add(options.timeoutMs, () => fail(timeoutError(options.timeoutMs)));
    function finish(): void {
      deadlines.cancel(deadline);
      signal?.removeEventListener('abort', onAbort);
    }
    signal?.addEventListener('abort', onAbort, { once: true });
    // `on`, not `once`: a request destroyed mid-flight may still report an error, which must not go unheard.
    request.on('error', fail);
    request.once('response', (response) => {
      readWhole(response).then((body) => {
        finish();
        try {
          resolve(new Response(bodiless.has(response.statusCode ?? 0) ? null : body, { status: response.statusCode, headers: headersOf(response) }));
        } catch (error) {
          reject(error);
        }
      }, fail);
    });
    request.end();
  });
}

function readWhole(response: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    response.on('data', (chunk: Buffer) => chunks.push(chunk));
    response.once('end', () => resolve(Buffer.concat(chunks)));
    response.on('error', reject);
    response.once('aborted', () => reject(Object.assign(new Error('the server closed the connection mid-answer'), { code: 'ECONNRESET' })));
  });
}

function headersOf(response: IncomingMessage): Headers {
  const headers = new Headers();
  const raw = response.rawHeaders;
  for (let index = 0; index + 1 < raw.length; index += 2) headers.append(raw[index]!, raw[index + 1]!);
  return headers;
}

/** Named like AbortSignal.timeout's reason, which is how callers tell a timeout from other failures. */
function timeoutError(ms: number): Error {
  const error = new Error(`no complete answer within ${ms} ms`);
  error.name = 'TimeoutError';
  return error;
}
