import { connect as netConnect, isIP, type Socket } from 'node:net';
import { connect as tlsConnect } from 'node:tls';
import { AnswerReader } from './answerReader.js';
import { MAX_RESPONSE_BYTES, timeoutError, type Exchange, type ExchangeRequest, type ExchangeResponse } from './exchange.js';

/**
 * The exchange (exchange.ts) as HTTP/1.1 written and read on pooled keep-alive sockets: the bot's Bot Connector calls
 * (turn replies, proactive sends and updates) and, by default, the UCWA and Huawei REST calls (carrier.ts). Written
 * for the connector first, and hand-written rather than node:http because a fan-out's
 * first requests run while the process is cold, and node's client (ClientRequest, OutgoingMessage, the agent's
 * bookkeeping, an IncomingMessage stream and its events per answer) was ~0.55 ms of CPU a request then, against
 * ~0.27 ms through this and ~0.17 ms for the bare socket write and read (200 POSTs, 16 at a time, from a fresh
 * process to bench line 4's connector). Those first requests set when each conversation's rate windows open, so
 * their CPU is what stands between a fan-out and the limits' minimum (BENCHMARKS.md, "Line 4, a lean client").
 *
 * It speaks only what these REST calls need: one request at a time per socket (no pipelining), a body given as a
 * string, header values in visible ASCII, no proxy (the adapter uses the connector client when one is configured),
 * no compression asked for. Answers are read as the held GET reads them (answerReader.ts). The exchange contract is
 * node:http's: bounded by `timeoutMs`, ended by `signal`, redirects returned as they are, answers over `maxBytes`
 * refused; a connection that fails or closes mid-answer rejects with node's error codes (ECONNRESET and the like),
 * so callers classify failures alike.
 *
 * Idle sockets close after 4 s, or sooner when the server's Keep-Alive hint says so, as nodeHttp.ts's agents.
 */
export const leanHttpExchange: Exchange = createLeanHttpExchange();

export interface LeanHttpOptions {
  /** Certificates to trust instead of node's (tests of the TLS path against a loopback server). */
  ca?: string;
}

/** A lean exchange with connection pools of its own. */
export function createLeanHttpExchange(options: LeanHttpOptions = {}): Exchange {
  /** Idle connections by origin, the most recently used last (taken first, so the rest time out). */
  const pools = new Map<string, Connection[]>();
  return (request) => exchange(request, pools, options);
}

function exchange(request: ExchangeRequest, pools: Map<string, Connection[]>, options: LeanHttpOptions): Promise<ExchangeResponse> {
  const { signal } = request;
  if (signal?.aborted) return Promise.reject(signal.reason);
  const protocol = request.url.protocol;
  if (protocol !== 'http:' && protocol !== 'https:') return Promise.reject(new TypeError(`unsupported protocol ${protocol}`));
  let head: string;
  try {
    head = requestHead(request);
  } catch (error) {
    return Promise.reject(error);
  }
  return new Promise<ExchangeResponse>((resolve, reject) => {
    const connection = checkOut(request.url, pools, options);
    const reading = new AnswerReader(request.maxBytes ?? MAX_RESPONSE_BYTES);
    let settled = false;
    const settle = (error: unknown, answer?: ExchangeResponse): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      connection.current = undefined;
      if (answer && reading.reusable) checkIn(connection, reading.keepAliveHintMs);
      else connection.socket.destroy();
      if (answer) resolve(answer);
      else reject(error);
    };
    const onAbort = (): void => settle(signal?.reason);
    const timer = setTimeout(() => settle(timeoutError(request.timeoutMs)), request.timeoutMs);
    signal?.addEventListener('abort', onAbort, { once: true });
    connection.current = {
      data(chunk) {
        let outcome: ExchangeResponse | Error | undefined;
        try {
          outcome = reading.take(chunk);
        } catch (error) {
          outcome = error as Error;
        }
        if (outcome instanceof Error) settle(outcome);
        else if (outcome) settle(undefined, outcome);
      },
      closed(error) {
        const answer = error ? undefined : reading.atClose();
        settle(error ?? connectionLost(), answer);
      },
    };
    connection.socket.write(request.body === undefined ? head : head + request.body);
  });
}

/** What a socket's events go to while an exchange uses it (none while it idles in the pool). */
interface Listener {
  data(chunk: Buffer): void;
  /** The socket failed (`error`) or closed; called once. */
  closed(error?: Error): void;
}

interface Connection {
  readonly socket: Socket;
  readonly pool: Connection[];
  current: Listener | undefined;
  /** How long it may idle in the pool (the server's Keep-Alive hint can shorten it). */
  idleMs: number;
}

const IDLE_MS = 4_000;
/** Idle sockets kept per origin, as node's agents keep at most 256. */
const MAX_IDLE = 256;

function checkOut(url: URL, pools: Map<string, Connection[]>, options: LeanHttpOptions): Connection {
  const key = `${url.protocol}//${url.host}`;
  let pool = pools.get(key);
  if (!pool) {
    pool = [];
    pools.set(key, pool);
  }
  for (let connection = pool.pop(); connection; connection = pool.pop()) {
    if (connection.socket.destroyed || !connection.socket.writable) continue;
    connection.socket.setTimeout(0);
    connection.socket.ref();
    return connection;
  }
  return open(url, pool, options);
}

/** Back to its pool for the next exchange; `hintMs` is how long the server said it keeps idle connections, less 1 s. */
function checkIn(connection: Connection, hintMs: number | undefined): void {
  if (hintMs !== undefined) connection.idleMs = Math.min(connection.idleMs, hintMs);
  if (connection.socket.destroyed || connection.pool.length >= MAX_IDLE || connection.idleMs <= 0) {
    connection.socket.destroy();
    return;
  }
  connection.socket.setTimeout(connection.idleMs);
  // An idle connection does not keep the process alive (as node's agents leave their free sockets).
  connection.socket.unref();
  connection.pool.push(connection);
}

function open(url: URL, pool: Connection[], options: LeanHttpOptions): Connection {
  // node wants an IPv6 host without its brackets (as its own urlToHttpOptions gives it).
  const host = url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname;
  const port = Number(url.port) || (url.protocol === 'https:' ? 443 : 80);
  const socket =
    url.protocol === 'https:'
      ? tlsConnect({ host, port, servername: isIP(host) ? undefined : host, ALPNProtocols: ['http/1.1'], ...(options.ca ? { ca: options.ca } : {}) })
      : netConnect({ host, port });
  socket.setNoDelay(true);
  const connection: Connection = { socket, pool, current: undefined, idleMs: IDLE_MS };
  // One set of listeners for the socket's life, handing its events to whichever exchange holds it.
  socket.on('data', (chunk: Buffer) => {
    if (connection.current) connection.current.data(chunk);
    // Bytes nobody asked for: the connection is out of step with the protocol.
    else socket.destroy();
  });
  socket.on('error', (error) => {
    const current = connection.current;
    connection.current = undefined;
    current?.closed(error);
  });
  socket.on('close', () => {
    const index = pool.indexOf(connection);
    if (index >= 0) pool.splice(index, 1);
    const current = connection.current;
    connection.current = undefined;
    current?.closed();
  });
  socket.on('timeout', () => {
    if (!connection.current) socket.destroy();
  });
  return connection;
}

/** As node's client says it: the server closed the connection before a complete answer. */
function connectionLost(): Error {
  return Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
}

/** A header name as HTTP allows it (a token). */
const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/u;
/** Header values in visible ASCII, spaces and tabs: no line breaks (no injected headers), nothing to encode. */
const VALUE = /^[\t\x20-\x7e]*$/u;

/**
 * The request line and headers, Host first. Refuses what node:http refuses (names that are not tokens, line breaks
 * in values) and values outside ASCII, which node would write as Latin-1 and this does not.
 */
function requestHead(request: ExchangeRequest): string {
  const { url } = request;
  let head = `${request.method} ${url.pathname}${url.search} HTTP/1.1\r\nHost: ${url.host}\r\nConnection: keep-alive\r\n`;
  for (const name in request.headers) {
    const value = request.headers[name]!;
    if (!TOKEN.test(name)) throw new TypeError(`invalid header name ${JSON.stringify(name)}`);
    if (!VALUE.test(value)) throw new TypeError(`invalid character in the value of header ${name}`);
    const lower = name.toLowerCase();
    if (lower === 'host' || lower === 'connection' || lower === 'content-length' || lower === 'transfer-encoding') continue;
    head += `${name}: ${value}\r\n`;
  }
  if (request.body !== undefined) head += `Content-Length: ${Buffer.byteLength(request.body)}\r\n`;
  return `${head}\r\n`;
}

