import { connect as netConnect, isIP, type Socket } from 'node:net';
import { connect as tlsConnect } from 'node:tls';
import { ownCopy } from '../strings.js';
import type { Cancellation } from './cancellation.js';
import { DeadlineWheel } from './deadlines.js';
import { AnswerReader } from './answerReader.js';
import { MAX_RESPONSE_BYTES, timeoutError, type ExchangeResponse } from './exchange.js';

/**
 * A GET that the server may hold open for minutes (UCWA's event channel), for thousands at once, written by hand on
 * a socket rather than sent with `node:http`. Why: what node's client keeps for each pending request is far more
 * than the request needs while the server holds it. Measured in the line-3 bench (heap snapshots, 1,000 idle
 * organizers, 6 December): a `ClientRequest` with its header block (the bearer token in it) and its output state
 * (~1.2 KB), node's `HTTPParser` (~0.35 KB of objects, and native state of ~1.8 KB: room for 32 header names and
 * values, allocated per parser whether or not an answer comes), the agent's four listeners on each socket with
 * their copy of the request options (~0.4 KB), the `once` wrapper of the response listener. Here a pending GET is
 * one small object (its state, deadline and listener in one), the socket, and nothing else: the request is written
 * once and dropped, the answer is parsed only when bytes arrive, and the socket's listeners are functions of this
 * module shared by every socket. `fetch` kept still more (~17 KB per pending call).
 *
 * The HTTP/1.1 it speaks is the small part UCWA's answers use: a status line, headers, and a body delimited by
 * Content-Length, chunked transfer coding, or the connection's close; interim 1xx answers skipped; keep-alive
 * connections reused per origin (LIFO, idle ones closed after IDLE_MS, as nodeHttp's agents close theirs). No redirects are
 * followed (a 3xx is handed back as it is, as every exchange does), no content coding is asked for (no
 * Accept-Encoding is sent, so none comes). Every GET is bounded by its deadline on one shared timer wheel.
 */
const deadlines = new DeadlineWheel();

export interface HoldingGetOptions {
  headers: Record<string, string>;
  /** The whole exchange, answer included, ends by then: a TimeoutError. */
  timeoutMs: number;
  signal?: AbortSignal;
  /** Like `signal`, lighter (see Cancellation): the request ends with its reason. */
  cancellation?: Cancellation;
  /** Defaults to MAX_RESPONSE_BYTES. */
  maxBytes?: number;
}

/** Who hears how a held GET ended: one of the two, once. */
export interface HeldGetReceiver {
  answered(response: ExchangeResponse): void;
  failed(error: unknown): void;
}

/**
 * GETs `url` (an href, or a URL: its href), resolving with the whole answer. What stays alive while the server holds
 * it is kept to the pending GET and its socket (see above).
 */
export function holdingGet(url: string | URL, options: HoldingGetOptions): Promise<ExchangeResponse> {
  return new Promise<ExchangeResponse>((resolve, reject) => holdGet(url, options, { answered: resolve, failed: reject }));
}

/**
 * `holdingGet` for callers that hear the end through an object of their own rather than a promise (one less
 * promise, its reactions and their closures per idle channel). `receiver` hears exactly once, never synchronously.
 */
export function holdGet(url: string | URL, options: HoldingGetOptions, receiver: HeldGetReceiver): void {
  const { signal, cancellation } = options;
  if (signal?.aborted) return later(receiver, signal.reason);
  if (cancellation?.cancelled) return later(receiver, cancellation.reason);
  let head: string;
  let target: Target;
  try {
    const href = typeof url === 'string' ? url : url.href;
    const parsed = new URL(href);
    const known = targetOf(parsed);
    if (!known) throw new TypeError(`holdingGet: unsupported protocol ${parsed.protocol}`);
    target = known;
    head = requestHead(target, pathOf(parsed), options.headers);
  } catch (error) {
    return later(receiver, error);
  }
  const held = new HeldGet(target, receiver, options.timeoutMs, options.maxBytes ?? MAX_RESPONSE_BYTES, signal, cancellation);
  held.send(head);
}

function later(receiver: HeldGetReceiver, error: unknown): void {
  process.nextTick(() => receiver.failed(error));
}

/** How long a connection waits in its origin's pool for the next GET before it is closed. */
const IDLE_MS = 4_000;
/** Idle connections kept per origin, as node's agents keep (maxFreeSockets). */
const MAX_IDLE_PER_ORIGIN = 256;

/** The GET on each busy socket: the socket's listeners (shared functions) find it here. */
const busy = new WeakMap<Socket, HeldGet>();

/** One pending GET: its deadline (`bucket`, `fire`), the cancellation's and the signal's listener, and its answer. */
class HeldGet {
  bucket = 0;
  private socket?: Socket;
  private reader?: AnswerReader;
  private settled = false;

  constructor(
    private readonly target: Target,
    private readonly receiver: HeldGetReceiver,
    private readonly timeoutMs: number,
    private readonly maxBytes: number,
    private readonly signal: AbortSignal | undefined,
    private readonly cancellation: Cancellation | undefined,
  ) {}

  send(head: string): void {
    let socket: Socket;
    try {
      socket = idleSocket(this.target) ?? connectTo(this.target);
    } catch (error) {
      // net.connect throws for some bad options (a port out of range) instead of reporting them.
      this.settled = true;
      return later(this.receiver, error);
    }
    this.socket = socket;
    busy.set(socket, this);
    deadlines.schedule(this, this.timeoutMs);
    this.signal?.addEventListener('abort', this, { once: true });
    this.cancellation?.watch(this);
    if (!this.settled) socket.write(head, 'latin1');
  }

  /** The deadline passed. */
  fire(): void {
    this.fail(timeoutError(this.timeoutMs));
  }

  /** The signal aborted (an EventTarget listener object). */
  handleEvent(): void {
    this.fail(this.signal?.reason);
  }

  /** The cancellation was given (see Cancellation's Reaction). */
  cancelled(reason: unknown): void {
    this.fail(reason);
  }

  received(chunk: Buffer): void {
    if (this.settled) return;
    this.reader ??= new AnswerReader(this.maxBytes);
    let answer: ExchangeResponse | undefined;
    try {
      answer = this.reader.take(chunk);
    } catch (error) {
      return this.fail(error);
    }
    if (answer) this.answered(answer, this.reader.reusable);
  }

  /** The server ended the connection: the answer if it was delimited by the close, a failure otherwise. */
  ended(): void {
    if (this.settled) return;
    const answer = this.reader?.atClose();
    if (answer) return this.answered(answer, false);
    this.fail(connectionReset(this.reader === undefined ? 'socket hang up' : 'the server closed the connection mid-answer'));
  }

  fail(error: unknown): void {
    if (this.settled) return;
    this.finish();
    this.socket?.destroy();
    this.receiver.failed(error);
  }

  private answered(answer: ExchangeResponse, reusable: boolean): void {
    this.finish();
    const socket = this.socket;
    if (socket) {
      if (reusable) release(this.target, socket);
      else socket.destroy();
    }
    this.receiver.answered(answer);
  }

  private finish(): void {
    this.settled = true;
    deadlines.cancel(this);
    this.signal?.removeEventListener('abort', this);
    this.cancellation?.unwatch(this);
    if (this.socket && busy.get(this.socket) === this) busy.delete(this.socket);
    this.reader = undefined;
  }
}

function connectionReset(message: string): Error {
  return Object.assign(new Error(message), { code: 'ECONNRESET' });
}

// ------------------------------------------------------------------------------------------ connections

/** An origin's parts as strings of their own, and its idle connections. */
interface Target {
  protocol: 'http:' | 'https:';
  hostname: string;
  port: number;
  /** The Host header's value. */
  host: string;
  /** Idle connections, the most recently used last, and when each became idle (Date.now()). */
  idle: Socket[];
  idleSince: number[];
}

/**
 * Per origin, one Target shared by every request to it: URL's getters return slices of the href, and V8 keeps a
 * slice as a view of the whole string. There are as many origins as UCWA pools; the bound only keeps a misbehaving
 * server from growing it without end (a forgotten origin's idle connections close on their idle timeout).
 */
const targets = new Map<string, Target>();
const MAX_TARGETS = 256;

function targetOf(url: URL): Target | undefined {
  const known = targets.get(url.origin);
  if (known) return known;
  const protocol = url.protocol === 'https:' ? 'https:' : url.protocol === 'http:' ? 'http:' : undefined;
  if (!protocol) return undefined;
  // An IPv6 host without its brackets, as sockets want it.
  const hostname = url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname;
  const port = url.port ? Number(url.port) : protocol === 'https:' ? 443 : 80;
  const target: Target = { protocol, hostname: ownCopy(hostname), port, host: ownCopy(url.host), idle: [], idleSince: [] };
  if (targets.size >= MAX_TARGETS) targets.clear();
  targets.set(ownCopy(url.origin), target);
  return target;
}

/** The most recently used idle connection to the target that is still open, taken out of the pool. */
function idleSocket(target: Target): Socket | undefined {
  for (let socket = target.idle.pop(); socket; socket = target.idle.pop()) {
    target.idleSince.pop();
    if (socket.destroyed || !socket.writable) continue;
    socket.ref();
    return socket;
  }
  return undefined;
}

function connectTo(target: Target): Socket {
  const socket =
    target.protocol === 'https:'
      ? tlsConnect({ host: target.hostname, port: target.port, servername: isIP(target.hostname) ? undefined : target.hostname, ALPNProtocols: ['http/1.1'] })
      : netConnect({ host: target.hostname, port: target.port });
  socket.setNoDelay(true);
  socket.on('data', onData);
  socket.on('end', onEnd);
  socket.on('error', onError);
  socket.on('close', onClose);
  return socket;
}

/**
 * Back to the target's pool, waiting for the next GET: unref'd (an idle connection keeps no process alive), closed
 * by the sweep once idle for IDLE_MS. Not with the socket's own setTimeout: node keeps the Timeout and its bound
 * handler on the socket after it is cleared (~170 bytes of every connection that was ever idle).
 */
function release(target: Target, socket: Socket): void {
  if (target.idle.length >= MAX_IDLE_PER_ORIGIN) {
    socket.destroy();
    return;
  }
  socket.setKeepAlive(true, 1000);
  socket.unref();
  target.idle.push(socket);
  target.idleSince.push(Date.now());
  sweeper ??= setInterval(sweepIdle, SWEEP_MS).unref();
}

const SWEEP_MS = 1_000;
let sweeper: NodeJS.Timeout | undefined;

/** Closes the connections idle for IDLE_MS or more (at most a sweep later); stops when none is left idle. */
function sweepIdle(): void {
  const cutoff = Date.now() - IDLE_MS;
  let left = 0;
  for (const target of targets.values()) {
    // The oldest first: a pool is used last in, first out, so the idlest sit at the front.
    let stale = 0;
    while (stale < target.idleSince.length && target.idleSince[stale]! <= cutoff) stale += 1;
    const closing = target.idle.splice(0, stale);
    target.idleSince.splice(0, stale);
    for (const socket of closing) socket.destroy();
    left += target.idle.length;
  }
  if (left === 0 && sweeper) {
    clearInterval(sweeper);
    sweeper = undefined;
  }
}

// The socket's listeners, shared by every socket (`this` is the socket): no closures per connection.

function onData(this: Socket, chunk: Buffer): void {
  const held = busy.get(this);
  // Bytes on an idle connection answer nothing we asked: the connection can no longer be trusted.
  if (!held) return void this.destroy();
  held.received(chunk);
}

function onEnd(this: Socket): void {
  const held = busy.get(this);
  if (held) held.ended();
  this.destroy();
}

function onError(this: Socket, error: Error): void {
  busy.get(this)?.fail(error);
}

function onClose(this: Socket): void {
  busy.get(this)?.ended();
  for (const target of targets.values()) {
    const at = target.idle.indexOf(this);
    if (at >= 0) {
      target.idle.splice(at, 1);
      target.idleSince.splice(at, 1);
      return;
    }
  }
}

// ------------------------------------------------------------------------------------------ the request

const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/u;
const INVALID_VALUE = /[\r\n\0]/u;
/** What node refuses in a request path (ERR_UNESCAPED_CHARACTERS): anything outside visible latin1. */
const INVALID_PATH = /[^\u0021-\u00ff]/u;

/**
 * The request's head, written once and dropped: Host first, then the given headers (a Host among them is the URL's
 * anyway), then Connection: keep-alive as node's agents send it. Names and values are checked as node checks them,
 * so no header can smuggle another line in.
 */
function requestHead(target: Target, path: string, headers: Record<string, string>): string {
  if (INVALID_PATH.test(path)) throw Object.assign(new TypeError('Request path contains unescaped characters'), { code: 'ERR_UNESCAPED_CHARACTERS' });
  let head = `GET ${path} HTTP/1.1\r\nHost: ${target.host}\r\n`;
  for (const name in headers) {
    const lower = name.toLowerCase();
    if (lower === 'host' || lower === 'connection') continue;
    const value = headers[name]!;
    if (!TOKEN.test(name)) throw Object.assign(new TypeError(`Header name must be a valid HTTP token ["${name}"]`), { code: 'ERR_INVALID_HTTP_TOKEN' });
    if (INVALID_VALUE.test(value)) throw Object.assign(new TypeError(`Invalid character in header content ["${name}"]`), { code: 'ERR_INVALID_CHAR' });
    head += `${name}: ${value}\r\n`;
  }
  return `${head}Connection: keep-alive\r\n\r\n`;
}

function pathOf(url: URL): string {
  return `${url.pathname}${url.search}`;
}

