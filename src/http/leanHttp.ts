import { connect as netConnect, isIP, type Socket } from 'node:net';
import { connect as tlsConnect } from 'node:tls';
import { decodeUtf8, MAX_RESPONSE_BYTES, ResponseTooLargeError, timeoutError, type Exchange, type ExchangeRequest, type ExchangeResponse, type ResponseHeaders } from './exchange.js';

/**
 * The exchange (exchange.ts) as HTTP/1.1 written and read on pooled keep-alive sockets, for the Bot Connector calls
 * the bot makes without a turn (proactive sends and updates). Hand-written rather than node:http because a fan-out's
 * first requests run while the process is cold, and node's client (ClientRequest, OutgoingMessage, the agent's
 * bookkeeping, an IncomingMessage stream and its events per answer) was ~0.55 ms of CPU a request then, against
 * ~0.27 ms through this and ~0.17 ms for the bare socket write and read (200 POSTs, 16 at a time, from a fresh
 * process to bench line 4's connector). Those first requests set when each conversation's rate windows open, so
 * their CPU is what stands between a fan-out and the limits' minimum (BENCHMARKS.md, "Line 4, a lean client").
 *
 * It speaks only what Bot Connector calls need: one request at a time per socket (no pipelining), a body given as a
 * string, header values in visible ASCII, no proxy (the adapter uses the connector client when one is configured),
 * no compression asked for. Answers are read by the protocol's rules: informational (1xx) heads skipped,
 * Content-Length, chunked, or read until the server closes; 204 and 304 without a body. The exchange contract is
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
          outcome = reading.push(chunk);
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
/** Node's default --max-http-header-size: a head longer than this is not a Bot Connector answer. */
const MAX_HEAD_BYTES = 16 * 1024;

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

function malformed(what: string): Error {
  return Object.assign(new Error(`malformed HTTP answer: ${what}`), { code: 'HPE_INVALID_RESPONSE' });
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

type Framing = { kind: 'length'; remaining: number } | { kind: 'chunked' } | { kind: 'close' };

/**
 * Reads one answer from the bytes as they come: `push` returns the answer once complete (or throws on a malformed
 * or oversized one), `atClose` the answer a read-until-close body makes when the server closes.
 */
class AnswerReader {
  /** Whether the socket may carry another request once the answer is complete. */
  reusable = false;
  private buffered: Buffer | undefined;
  private status = 0;
  private headers: Record<string, string> = {};
  private framing: Framing | undefined;
  private readonly body: Buffer[] = [];
  private bodyBytes = 0;
  /** Chunked: the bytes left of the current chunk, or -1 while a size line is awaited, -2 in the trailers. */
  private chunkLeft = -1;

  constructor(private readonly maxBytes: number) {}

  push(chunk: Buffer): ExchangeResponse | undefined {
    let bytes = this.buffered ? Buffer.concat([this.buffered, chunk]) : chunk;
    this.buffered = undefined;
    while (!this.framing) {
      const end = bytes.indexOf('\r\n\r\n');
      if (end < 0) {
        if (bytes.length > MAX_HEAD_BYTES) throw malformed('head too long');
        this.buffered = bytes;
        return undefined;
      }
      if (end > MAX_HEAD_BYTES) throw malformed('head too long');
      const informational = this.readHead(bytes.toString('latin1', 0, end));
      bytes = bytes.subarray(end + 4);
      if (informational) continue;
      this.framing = this.framingOf();
    }
    return this.readBody(bytes);
  }

  atClose(): ExchangeResponse | undefined {
    return this.framing?.kind === 'close' ? this.answer() : undefined;
  }

  /** Parses a head; true when it was informational (1xx other than 101), so another head follows. */
  private readHead(text: string): boolean {
    const lines = text.split('\r\n');
    const statusLine = /^HTTP\/1\.([01]) (\d{3})(?: .*)?$/u.exec(lines[0]!);
    if (!statusLine) throw malformed('status line');
    const status = Number(statusLine[2]);
    if (status < 100 || status === 101) throw malformed(`status ${status}`);
    if (status < 200) return true;
    const headers: Record<string, string> = {};
    for (let index = 1; index < lines.length; index += 1) {
      const line = lines[index]!;
      const colon = line.indexOf(':');
      if (colon <= 0 || !TOKEN.test(line.slice(0, colon))) throw malformed('header line');
      const name = line.slice(0, colon).toLowerCase();
      const value = line.slice(colon + 1).trim();
      headers[name] = name in headers ? `${headers[name]}, ${value}` : value;
    }
    this.status = status;
    this.headers = headers;
    const connection = (headers.connection ?? '').toLowerCase();
    this.reusable = statusLine[1] === '1' ? !/\bclose\b/u.test(connection) : /\bkeep-alive\b/u.test(connection);
    return false;
  }

  private framingOf(): Framing {
    const { headers } = this;
    if (this.status === 204 || this.status === 304) return { kind: 'length', remaining: 0 };
    const coding = headers['transfer-encoding'];
    if (coding !== undefined) {
      if (/(?:^|,)\s*chunked\s*$/iu.test(coding)) return { kind: 'chunked' };
      this.reusable = false;
      return { kind: 'close' };
    }
    const length = headers['content-length'];
    if (length === undefined) {
      this.reusable = false;
      return { kind: 'close' };
    }
    // Repeated Content-Length headers arrive joined; they must all agree.
    const values = new Set(length.split(',').map((value) => value.trim()));
    const declared = values.size === 1 ? Number([...values][0]) : Number.NaN;
    if (!Number.isSafeInteger(declared) || declared < 0 || !/^\d+$/u.test([...values][0]!)) throw malformed('content-length');
    if (declared > this.maxBytes) throw new ResponseTooLargeError(this.maxBytes);
    return { kind: 'length', remaining: declared };
  }

  private readBody(bytes: Buffer): ExchangeResponse | undefined {
    const framing = this.framing!;
    if (framing.kind === 'close') {
      this.keep(bytes);
      return undefined;
    }
    if (framing.kind === 'length') {
      // Bytes past the answer: it stands (a send the connector took must not be retried), the connection does not.
      if (bytes.length > framing.remaining) this.reusable = false;
      const take = Math.min(framing.remaining, bytes.length);
      this.keep(bytes.subarray(0, take));
      framing.remaining -= take;
      return framing.remaining === 0 ? this.answer() : undefined;
    }
    return this.readChunks(bytes);
  }

  private readChunks(input: Buffer): ExchangeResponse | undefined {
    let bytes = input;
    while (bytes.length > 0) {
      if (this.chunkLeft > 0) {
        const take = Math.min(this.chunkLeft, bytes.length);
        this.keep(bytes.subarray(0, take));
        this.chunkLeft -= take;
        bytes = bytes.subarray(take);
        // The chunk's data is followed by CRLF, read with the next size line.
        if (this.chunkLeft === 0) this.chunkLeft = -3;
        continue;
      }
      const lineEnd = bytes.indexOf('\r\n');
      if (lineEnd < 0) {
        if (bytes.length > MAX_HEAD_BYTES) throw malformed('chunk line too long');
        this.buffered = Buffer.from(bytes);
        return undefined;
      }
      const line = bytes.toString('latin1', 0, lineEnd);
      bytes = bytes.subarray(lineEnd + 2);
      if (this.chunkLeft === -3) {
        if (line !== '') throw malformed('chunk not followed by CRLF');
        this.chunkLeft = -1;
      } else if (this.chunkLeft === -2) {
        // Trailers end with an empty line; what they say is not kept (no caller reads one).
        if (line === '') {
          if (bytes.length > 0) this.reusable = false;
          return this.answer();
        }
      } else {
        const size = /^([0-9a-fA-F]{1,8})[ \t]*(?:;.*)?$/u.exec(line);
        if (!size) throw malformed('chunk size');
        const length = parseInt(size[1]!, 16);
        this.chunkLeft = length === 0 ? -2 : length;
      }
    }
    return undefined;
  }

  private keep(bytes: Buffer): void {
    if (bytes.length === 0) return;
    this.bodyBytes += bytes.length;
    if (this.bodyBytes > this.maxBytes) throw new ResponseTooLargeError(this.maxBytes);
    this.body.push(bytes);
  }

  private answer(): ExchangeResponse {
    const chunks = this.body;
    const body = decodeUtf8(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, this.bodyBytes));
    return { status: this.status, headers: headersOf(this.headers), body };
  }

  /**
   * How long the connection may idle by the server's `Keep-Alive: timeout=N` (N s less one, node's agents' rule,
   * so a request does not meet the server closing it); undefined when it gives none.
   */
  get keepAliveHintMs(): number | undefined {
    const hint = /\btimeout=(\d+)/u.exec(this.headers['keep-alive'] ?? '');
    return hint ? Number(hint[1]) * 1000 - 1000 : undefined;
  }
}

function headersOf(headers: Record<string, string>): ResponseHeaders {
  return {
    get(name: string): string | null {
      return headers[name.toLowerCase()] ?? null;
    },
  };
}
