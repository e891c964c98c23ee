import { Agent as HttpAgent, request as httpRequest, type ClientRequest, type RequestOptions } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { ownCopy } from '../strings.js';
import type { Cancellation } from './cancellation.js';
import { DeadlineWheel } from './deadlines.js';
import { MAX_RESPONSE_BYTES, timeoutError, type ExchangeResponse } from './exchange.js';
import { readAnswer } from './nodeHttp.js';

/**
 * A GET that the server may hold open for minutes (UCWA's event channel), for thousands at once. `fetch` keeps a
 * request, a controller, streams, abort signals and a chain of async frames alive for each pending call (~17 KB of
 * heap in the line-3 bench); a `node:http` request through one shared keep-alive agent per protocol holds a
 * socket and its request object (~5 KB), and its deadline sits on one shared timer wheel. The answer is read whole
 * (within MAX_RESPONSE_BYTES) and handed back as an exchange answer (src/http/exchange.ts), as every other call's:
 * no fetch `Response` and no promise to turn one into an answer wait on each idle channel.
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
  /** Like `signal`, lighter (see Cancellation): the request ends with its reason. */
  cancellation?: Cancellation;
}

/**
 * GETs `url` (an href, or a URL: its href), resolving with the whole answer. What stays alive while the server holds
 * it is kept to the request itself: the URL is parsed and dropped, the path is a slice of `url` (which the caller
 * keeps anyway: the event channel's position), and the host strings are the ones every request to that origin shares.
 */
export function holdingGet(url: string | URL, options: HoldingGetOptions): Promise<ExchangeResponse> {
  const { signal, timeoutMs, cancellation } = options;
  if (signal?.aborted) return Promise.reject(signal.reason);
  if (cancellation?.cancelled) return Promise.reject(cancellation.reason);
  let request: ClientRequest;
  try {
    // Made before the promise, so that nothing the callbacks below keep alive for minutes refers to the options,
    // the URL or the href (node reports a request's errors on a later tick, when the listeners are on).
    request = send(typeof url === 'string' ? url : url.href, options.headers);
  } catch (error) {
    return Promise.reject(error);
  }
  return new Promise<ExchangeResponse>((resolve, reject) => {
    const fail = (error: unknown) => {
      finish();
      request.destroy();
      reject(error);
    };
    const onAbort = () => fail(signal?.reason);
    const deadline = deadlines.add(timeoutMs, () => fail(timeoutError(timeoutMs)));
    function finish(): void {
      deadlines.cancel(deadline);
      signal?.removeEventListener('abort', onAbort);
      cancellation?.unwatch(fail);
    }
    signal?.addEventListener('abort', onAbort, { once: true });
    cancellation?.watch(fail);
    // `on`, not `once`: a request destroyed mid-flight may still report an error, which must not go unheard.
    request.on('error', fail);
    request.once('response', (response) => {
      // readAnswer may report again after it settled; once answered, the socket is the agent's again and is left alone.
      let answered = false;
      readAnswer(response, MAX_RESPONSE_BYTES, (error, answer) => {
        if (answered) return;
        if (!answer) return fail(error);
        answered = true;
        finish();
        resolve(answer);
      });
    });
    request.end();
  });
}

function send(href: string, headers: Record<string, string>): ClientRequest {
  const parsed = new URL(href);
  const target = targetOf(parsed);
  if (!target) throw new TypeError(`holdingGet: unsupported protocol ${parsed.protocol}`);
  const list = headerList(target.host, headers);
  // Only the keys node needs (GET is its default method, the protocol is the agent's and the request function's):
  // the agent keeps its own copy of these options, merged with its own, for as long as the connection lives, as a
  // dictionary whose size doubles past 10 keys: ~0.5 KB less of each idle channel than with protocol and method.
  const options: RequestOptions = {
    hostname: target.hostname,
    path: pathOf(href, parsed),
    // As a flat list, written as given: node then keeps no header object per request. With a list, node adds no
    // Host of its own.
    headers: list,
    agent: agents[target.protocol],
  };
  if (target.port) options.port = target.port;
  const request = (target.protocol === 'https:' ? httpsRequest : httpRequest)(options);
  // Node wrote the list into the request's header block as it built the request and never reads it again, but the
  // agent keeps a copy of these options, the list included, in the socket's listeners for as long as the connection
  // lives: emptied, the list no longer keeps the bearer token's header line (~0.25 KB per idle channel).
  list.length = 0;
  return request;
}

/** An origin's parts as node's request wants them. */
interface Target {
  protocol: 'http:' | 'https:';
  hostname: string;
  port?: string;
  host: string;
}

/**
 * Per origin, its parts as strings of their own, shared by every request to it: URL's getters return slices of the
 * href, and V8 keeps a slice as a view of the whole string, so each held request kept its own parsed href alive.
 * There are as many origins as UCWA pools; the bound only keeps a misbehaving server from growing it without end.
 */
const targets = new Map<string, Target>();
const MAX_TARGETS = 256;

function targetOf(url: URL): Target | undefined {
  const known = targets.get(url.origin);
  if (known) return known;
  const protocol = url.protocol === 'https:' ? 'https:' : url.protocol === 'http:' ? 'http:' : undefined;
  if (!protocol) return undefined;
  // node wants an IPv6 host without its brackets (as its own urlToHttpOptions gives it).
  const hostname = url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname;
  const target: Target = { protocol, hostname: ownCopy(hostname), port: url.port ? ownCopy(url.port) : undefined, host: ownCopy(url.host) };
  if (targets.size >= MAX_TARGETS) targets.clear();
  targets.set(ownCopy(url.origin), target);
  return target;
}

/** The path and query: a slice of `href` itself when it is already in URL's form (a position always is). */
function pathOf(href: string, url: URL): string {
  if (url.href !== href || url.username || url.password) return `${url.pathname}${url.search}`;
  return href.slice(url.origin.length, href.length - url.hash.length);
}

function headerList(host: string, headers: Record<string, string>): string[] {
  const list = ['Host', host];
  for (const name in headers) {
    if (name.toLowerCase() !== 'host') list.push(name, headers[name]!);
  }
  return list;
}
