import { EventEmitter } from 'node:events';
import WebSocket, { type RawData } from 'ws';
import type { Logger } from '../logging.js';
import { RetryableError, withRetries } from '../http/retry.js';
import type { ControlSession } from './client.js';
import { HuaweiError } from './errors.js';
import type { Secret } from './secret.js';
import {
  HEARTBEAT_FRAME,
  PARTICIPANTS_NOTIFY,
  WAITING_LIST_NOTIFY,
  connectionUrl,
  parseAddTime,
  parseServerFrame,
  subscribeFrame,
  type ListMessage,
} from './wsProtocol.js';

/**
 * One meeting's waiting room, live: the control token, a one-time WebSocket token, the meeting-event socket
 * subscribed to WaitingListNotify and ParticipantsNotify, heartbeats, and reconnection with fresh tokens.
 *
 * The feed keeps the set of people it has announced, so every change it emits is a real one: a full list
 * (sent on every subscribe) is diffed against that set, incremental messages are applied idempotently, and a
 * person leaves the set exactly once — `admitted` when ParticipantsNotify (or WAITINGSTATE "1") shows them in
 * the meeting. One feed per meeting and acting user; whoever owns the meeting's watch owns its feed.
 */
export interface WaitingPerson {
  /** Huawei's waiting-room pid: what allowWaitingParticipant takes. */
  participantId: string;
  /** pinfoMap NAME; undefined when Huawei sent none. */
  name?: string;
  /** ADDTIME, or when the feed first saw them. */
  since: Date;
  /** THIRDACCOUNT (App ID user id) or ACCOUNT, when they signed in. */
  account?: string;
  /** ANONYMOUS "1". */
  anonymous?: boolean;
}

export interface Departure {
  participantId: string;
  /** True when they went into the meeting (by this feed's admit or anyone else's), false when they left. */
  admitted: boolean;
}

export type FeedState = 'connecting' | 'open' | 'reconnecting' | 'stopped';

export interface FeedStateChange {
  state: FeedState;
  /** Why the feed stopped on its own (it cannot control this meeting, or its credentials were refused). */
  error?: HuaweiError;
}

export interface WaitingRoomFeedEvents {
  joined: [WaitingPerson];
  left: [Departure];
  /** A full waiting list was applied (on every (re)subscription): everyone waiting now, after its joined/left. */
  synced: [WaitingPerson[]];
  /** The meeting ended; the feed has stopped. */
  ended: [];
  state: [FeedStateChange];
}

/** What the feed needs from the REST client (HuaweiMeetingClient provides it). */
export interface WaitingRoomApi {
  controlSession(userId: string, conferenceId: string): Promise<ControlSession>;
  renewControlSession(userId: string, conferenceId: string): Promise<ControlSession>;
  createWebSocketToken(userId: string, conferenceId: string): Promise<Secret>;
  admitFromWaitingRoom(userId: string, conferenceId: string, participantId: string): Promise<void>;
  admitAllFromWaitingRoom(userId: string, conferenceId: string): Promise<void>;
}

export interface WaitingRoomFeedOptions {
  api: WaitingRoomApi;
  /** The Huawei user the feed acts for: the meeting's host or an administrator. */
  userId: string;
  conferenceId: string;
  logger: Logger;
  /** How often to send HeartBeat. Default 60 s (Huawei drops a connection silent for 180 s). */
  heartbeatIntervalMs?: number;
  /** A connection that has sent nothing for this long is taken as dead and replaced. Default 3 heartbeats. */
  silenceLimitMs?: number;
  /** Longest wait for the socket to open and the subscription to be answered. Default 10 s. */
  connectTimeoutMs?: number;
  /** Backoff between reconnection attempts. Default 0.5 s doubling to 30 s. */
  reconnectMinMs?: number;
  reconnectMaxMs?: number;
  /** Renew the control token this long before it expires. Default 5 min, at most a fifth of its lifetime. */
  controlRefreshMarginMs?: number;
  /**
   * A person deleted from the waiting list but not (yet) seen in the meeting is given this long for
   * ParticipantsNotify to show them, since Huawei documents no order for the two. Default 2 s.
   */
  departureGraceMs?: number;
  now?: () => number;
}

/** Codes that mean the meeting is over (not started is not a case here: the feed was opened on a live meeting). */
const MEETING_GONE_CODES = new Set(['MMC.111070005', 'MMC.111072005', 'MMC.111072014']);

/** Failures another attempt cannot fix: no control rights, the bot's own credentials, a bad request. */
function isPermanent(error: HuaweiError): boolean {
  return error.code === 'NOT_HOST' || error.code === 'INVALID_ARGUMENT' || error.isCredentialFailure || error.status === 403;
}

function isMeetingGone(error: unknown): boolean {
  return error instanceof HuaweiError && MEETING_GONE_CODES.has(error.code ?? '');
}

/** A subscribed socket; `closed` settles when it is gone. (Wrapped: a bare promise would be flattened by await.) */
interface Connection {
  closed: Promise<void>;
}

/** Raised inside a connection attempt when it can only be tried again later. */
class ConnectionLost extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'ConnectionLost';
  }
}

export class WaitingRoomFeed extends EventEmitter<WaitingRoomFeedEvents> {
  readonly conferenceId: string;
  readonly userId: string;
  readonly #api: WaitingRoomApi;
  readonly #logger: Logger;
  readonly #now: () => number;
  readonly #heartbeatMs: number;
  readonly #silenceLimitMs: number;
  readonly #connectTimeoutMs: number;
  readonly #reconnectMinMs: number;
  readonly #reconnectMaxMs: number;
  readonly #refreshMarginMs: number;
  readonly #graceMs: number;

  readonly #waiting = new Map<string, WaitingPerson>();
  readonly #inMeeting = new Set<string>();
  readonly #pendingDepartures = new Map<string, NodeJS.Timeout>();
  #participantsFresh = false;

  #state: FeedState | 'idle' = 'idle';
  #abort = new AbortController();
  #socket: WebSocket | undefined;
  #heartbeat: NodeJS.Timeout | undefined;
  #refresh: NodeJS.Timeout | undefined;
  #refreshFor = 0;
  #lastFrameAt = 0;
  #distrustControlToken = false;
  #running: Promise<void> | undefined;

  constructor(options: WaitingRoomFeedOptions) {
    super();
    this.#api = options.api;
    this.userId = options.userId;
    this.conferenceId = options.conferenceId;
    this.#logger = options.logger;
    this.#now = options.now ?? Date.now;
    this.#heartbeatMs = options.heartbeatIntervalMs ?? 60_000;
    this.#silenceLimitMs = options.silenceLimitMs ?? this.#heartbeatMs * 3;
    this.#connectTimeoutMs = options.connectTimeoutMs ?? 10_000;
    this.#reconnectMinMs = options.reconnectMinMs ?? 500;
    this.#reconnectMaxMs = options.reconnectMaxMs ?? 30_000;
    this.#refreshMarginMs = options.controlRefreshMarginMs ?? 5 * 60_000;
    this.#graceMs = options.departureGraceMs ?? 2_000;
  }

  get state(): FeedState | 'idle' {
    return this.#state;
  }

  /** Everyone the feed has announced and not yet seen leave, oldest first. */
  get waiting(): WaitingPerson[] {
    return [...this.#waiting.values()].sort((a, b) => a.since.getTime() - b.since.getTime());
  }

  /** Opens the feed; it keeps itself connected until stop() or the meeting's end. */
  start(): void {
    if (this.#state !== 'idle') return;
    this.#running = this.run();
  }

  /** Closes the socket and clears every timer; no event follows but the final state. */
  async stop(): Promise<void> {
    if (this.#state === 'stopped') return;
    this.shutDown();
    await this.#running;
  }

  /** Replaces the connection, so a fresh full list follows (and `synced` with it): after a listener failed. */
  resync(): void {
    this.#socket?.terminate();
  }

  /** Admits one waiting person (allowWaitingParticipant {participantID}). The feed's events report the result. */
  async admit(participantId: string): Promise<void> {
    await this.#api.admitFromWaitingRoom(this.userId, this.conferenceId, participantId);
  }

  /** Admits everyone waiting (allowWaitingParticipant {allowAll: true}). */
  async admitAll(): Promise<void> {
    await this.#api.admitAllFromWaitingRoom(this.userId, this.conferenceId);
  }

  // --- connection ---------------------------------------------------------------------------------------

  private async run(): Promise<void> {
    const signal = this.#abort.signal;
    this.setState('connecting');
    while (!signal.aborted) {
      let connection: Connection;
      try {
        connection = await withRetries(() => this.connectOnce(), {
          retries: Infinity,
          minTimeoutMs: this.#reconnectMinMs,
          maxTimeoutMs: this.#reconnectMaxMs,
          signal,
          onRetry: ({ attempt, error }) =>
            this.#logger.info({ conferenceId: this.conferenceId, attempt, error: describe(error) }, 'huawei waiting room: connection attempt failed; retrying'),
        });
      } catch (error) {
        if (signal.aborted) break;
        this.finish(error);
        break;
      }
      await connection.closed;
      if (signal.aborted) break;
      this.setState('reconnecting');
    }
  }

  /** The feed ends on its own: the meeting is over, or nothing can make the feed work. */
  private finish(error: unknown): void {
    if (isMeetingGone(error)) {
      this.#logger.info({ conferenceId: this.conferenceId }, 'huawei waiting room: the meeting ended');
      this.shutDown();
      this.emit('ended');
      return;
    }
    const failure = error instanceof HuaweiError ? error : new HuaweiError({ code: 'BAD_RESPONSE', serviceMessage: describe(error), cause: error });
    this.#logger.warn({ conferenceId: this.conferenceId, code: failure.code, status: failure.status }, 'huawei waiting room: the feed cannot continue');
    this.shutDown(failure);
  }

  private shutDown(error?: HuaweiError): void {
    if (this.#state === 'stopped') return;
    // Taken before aborting: the abort lets the connection forget its socket.
    const socket = this.#socket;
    this.#socket = undefined;
    this.#abort.abort();
    clearInterval(this.#heartbeat);
    clearTimeout(this.#refresh);
    this.#heartbeat = undefined;
    this.#refresh = undefined;
    for (const timer of this.#pendingDepartures.values()) clearTimeout(timer);
    this.#pendingDepartures.clear();
    socket?.removeAllListeners('message');
    if (socket && socket.readyState !== WebSocket.CLOSED) socket.terminate();
    this.#state = 'stopped';
    this.emit('state', error ? { state: 'stopped', error } : { state: 'stopped' });
  }

  /**
   * One attempt: tokens, socket, Subscribe, answer. Resolves (to the socket's closing) once subscribed;
   * throws RetryableError when another attempt may work.
   */
  private async connectOnce(): Promise<Connection> {
    let session: ControlSession;
    let wsToken: Secret;
    try {
      if (this.#distrustControlToken) await this.#api.renewControlSession(this.userId, this.conferenceId);
      this.#distrustControlToken = false;
      wsToken = await this.#api.createWebSocketToken(this.userId, this.conferenceId);
      // Read after the wsToken call: a control token refused there has been replaced, and Subscribe needs the new one.
      session = await this.#api.controlSession(this.userId, this.conferenceId);
      this.scheduleRefresh(session);
    } catch (error) {
      if (error instanceof HuaweiError && (isMeetingGone(error) || isPermanent(error))) throw error;
      throw new RetryableError(error);
    }
    this.#abort.signal.throwIfAborted();
    let socket: WebSocket;
    try {
      const url = connectionUrl(session.wsUrl, this.conferenceId, wsToken.reveal());
      socket = new WebSocket(url, { handshakeTimeout: this.#connectTimeoutMs, maxPayload: 4 * 1024 * 1024, perMessageDeflate: false });
    } catch (error) {
        // Not the error's text: a URL error would quote the URL, one-time token included.
      throw new RetryableError(new HuaweiError({ code: 'BAD_RESPONSE', serviceMessage: 'wsURL from the control token is unusable' }));
    }
    this.#socket = socket;
    try {
      return await this.subscribe(socket, session.token);
    } catch (error) {
      if (this.#socket === socket) this.#socket = undefined;
      socket.removeAllListeners();
      socket.on('error', () => undefined);
      if (socket.readyState !== WebSocket.CLOSED) socket.terminate();
      throw new RetryableError(error);
    }
  }

  /**
   * Waits for the socket to open, sends Subscribe, and waits for its answer (or the first list). The feed's own handlers go on in the same turn as the answer, because several frames
   * can arrive in one read and a later one must not find the socket without a listener.
   */
  private subscribe(socket: WebSocket, controlToken: Secret): Promise<Connection> {
    return new Promise<Connection>((resolve, reject) => {
      const timer = setTimeout(() => fail(new ConnectionLost('no answer to Subscribe in time')), this.#connectTimeoutMs);
      const onAbort = () => fail(new ConnectionLost('stopped'));
      this.#abort.signal.addEventListener('abort', onAbort, { once: true });
      const done = () => {
        clearTimeout(timer);
        this.#abort.signal.removeEventListener('abort', onAbort);
        socket.off('open', onOpen).off('message', onMessage).off('close', onClose).off('error', onError).off('unexpected-response', onUnexpected);
      };
      const fail = (error: Error) => {
        done();
        reject(error);
      };
      const onOpen = () => {
        this.#participantsFresh = false;
        socket.send(subscribeFrame(this.conferenceId, controlToken.reveal(), [WAITING_LIST_NOTIFY, PARTICIPANTS_NOTIFY]));
      };
      const onMessage = (data: RawData, isBinary: boolean) => {
        const parsed = isBinary ? undefined : parseServerFrame(rawText(data));
        if (parsed?.ok && parsed.frame.action === 'Subscribe' && !parsed.frame.ok) {
          // The token in Subscribe was refused: the next attempt gets a new control token.
          this.#distrustControlToken = true;
          return fail(new ConnectionLost('Subscribe refused'));
        }
        done();
        resolve({ closed: this.attach(socket) });
        // A list can come before (or instead of) the Subscribe answer: it counts as the answer and is used.
        this.onFrame(data, isBinary);
      };
      const onClose = (code: number) => {
        // Huawei closes the socket when authentication fails; a stale control token is the likely cause.
        this.#distrustControlToken = true;
        fail(new ConnectionLost(`closed (${code}) before the subscription was answered`));
      };
      const onError = (error: Error) => fail(new ConnectionLost(`socket error: ${describe(error)}`));
      const onUnexpected = (_request: unknown, response: { statusCode?: number }) =>
        fail(new ConnectionLost(`upgrade refused with HTTP ${response.statusCode ?? '?'}`));
      socket.on('open', onOpen).on('message', onMessage).on('close', onClose).on('error', onError).on('unexpected-response', onUnexpected);
    });
  }

  /** The socket is subscribed: frames flow to the lists, heartbeats go out, and its end is reported. */
  private attach(socket: WebSocket): Promise<void> {
    this.#lastFrameAt = this.#now();
    socket.on('message', (data, isBinary) => this.onFrame(data, isBinary));
    socket.on('error', (error) => this.#logger.info({ conferenceId: this.conferenceId, error: describe(error) }, 'huawei waiting room: socket error'));
    clearInterval(this.#heartbeat);
    this.#heartbeat = setInterval(() => this.beat(socket), this.#heartbeatMs);
    this.setState('open');
    return new Promise<void>((resolve) => {
      const ended = () => {
        this.#abort.signal.removeEventListener('abort', ended);
        if (this.#socket === socket) this.#socket = undefined;
        clearInterval(this.#heartbeat);
        this.#heartbeat = undefined;
        resolve();
      };
      socket.once('close', (code) => {
        if (!this.#abort.signal.aborted) this.#logger.info({ conferenceId: this.conferenceId, code }, 'huawei waiting room: socket closed; reconnecting');
        ended();
      });
      this.#abort.signal.addEventListener('abort', ended, { once: true });
    });
  }

  private beat(socket: WebSocket): void {
    if (this.#now() - this.#lastFrameAt > this.#silenceLimitMs) {
      this.#logger.info({ conferenceId: this.conferenceId }, 'huawei waiting room: the server went silent; reconnecting');
      socket.terminate();
      return;
    }
    if (socket.readyState === WebSocket.OPEN) socket.send(HEARTBEAT_FRAME);
  }

  /** Keeps the control token valid (admits and reconnections need it) by renewing it ahead of its expiry. */
  private scheduleRefresh(session: ControlSession): void {
    if (this.#abort.signal.aborted || (this.#refresh && this.#refreshFor === session.expiresAtMs)) return;
    clearTimeout(this.#refresh);
    const lifetime = Math.max(0, session.expiresAtMs - this.#now());
    const margin = Math.min(this.#refreshMarginMs, lifetime / 5);
    this.#refreshFor = session.expiresAtMs;
    this.#refresh = setTimeout(() => void this.refreshControlToken(), Math.max(0, lifetime - margin));
  }

  private async refreshControlToken(): Promise<void> {
    this.#refresh = undefined;
    try {
      const session = await this.#api.renewControlSession(this.userId, this.conferenceId);
      this.#logger.debug({ conferenceId: this.conferenceId }, 'huawei waiting room: control token renewed');
      this.scheduleRefresh(session);
    } catch (error) {
      if (this.#abort.signal.aborted || isMeetingGone(error)) return; // the socket's end takes it from here
      this.#logger.info({ conferenceId: this.conferenceId, error: describe(error) }, 'huawei waiting room: control token renewal failed; will retry');
      clearTimeout(this.#refresh);
      this.#refreshFor = 0;
      this.#refresh = setTimeout(() => void this.refreshControlToken(), Math.min(this.#reconnectMaxMs, 10_000));
    }
  }

  private setState(state: FeedState): void {
    if (this.#state === state || this.#state === 'stopped') return;
    this.#state = state;
    this.emit('state', { state });
  }

  // --- frames --------------------------------------------------------------------------------------------

  private onFrame(data: RawData, isBinary: boolean): void {
    this.#lastFrameAt = this.#now();
    if (this.#abort.signal.aborted) return;
    if (isBinary) {
      this.#logger.warn({ conferenceId: this.conferenceId }, 'huawei waiting room: binary frame skipped');
      return;
    }
    const parsed = parseServerFrame(rawText(data));
    if (!parsed.ok) {
      // The reason names the field, never the frame: frames may carry tokens.
      this.#logger.warn({ conferenceId: this.conferenceId, reason: parsed.reason }, 'huawei waiting room: malformed frame skipped');
      return;
    }
    const frame = parsed.frame;
    if (frame.action === WAITING_LIST_NOTIFY) this.onWaitingList(frame);
    else if (frame.action === PARTICIPANTS_NOTIFY) this.onParticipants(frame);
  }

  private onWaitingList(message: ListMessage): void {
    if (message.mode === 'full') {
      const present = new Set<string>();
      for (const entry of message.entries) {
        if (entry.change === 'delete') continue;
        if (entry.info.WAITINGSTATE === '1') {
          this.markAdmitted(entry.pid);
          continue;
        }
        present.add(entry.pid);
        this.arrived(entry.pid, entry.info);
      }
      for (const pid of [...this.#waiting.keys()]) if (!present.has(pid)) this.departed(pid);
      this.emit('synced', this.waiting.map((person) => ({ ...person })));
      return;
    }
    for (const entry of message.entries) {
      if (entry.change === 'delete') this.departed(entry.pid);
      else if (entry.info.WAITINGSTATE === '1') this.markAdmitted(entry.pid);
      else this.arrived(entry.pid, entry.info);
    }
  }

  private onParticipants(message: ListMessage): void {
    if (message.mode === 'full') {
      this.#inMeeting.clear();
      for (const entry of message.entries) if (entry.change === 'upsert') this.#inMeeting.add(entry.pid);
      this.#participantsFresh = true;
      // Everyone whose departure waited for this list can be decided now.
      for (const pid of [...this.#pendingDepartures.keys()]) this.settleDeparture(pid);
      return;
    }
    for (const entry of message.entries) {
      if (entry.change === 'delete') {
        this.#inMeeting.delete(entry.pid);
        continue;
      }
      this.#inMeeting.add(entry.pid);
      if (this.#pendingDepartures.has(entry.pid)) this.settleDeparture(entry.pid);
    }
  }

  /** A waiting entry: announced once; a later refresh of the same pid only updates the name. */
  private arrived(pid: string, info: Record<string, string>): void {
    const pending = this.#pendingDepartures.get(pid);
    if (pending) {
      // Deleted and back before the departure was decided: they never left the waiting room as far as anyone saw.
      clearTimeout(pending);
      this.#pendingDepartures.delete(pid);
    }
    const known = this.#waiting.get(pid);
    if (known) {
      if (info.NAME !== undefined && info.NAME !== '') known.name = info.NAME;
      return;
    }
    const person: WaitingPerson = {
      participantId: pid,
      name: info.NAME === undefined || info.NAME === '' ? undefined : info.NAME,
      since: parseAddTime(info.ADDTIME) ?? new Date(this.#now()),
      account: info.THIRDACCOUNT || info.ACCOUNT || undefined,
      anonymous: info.ANONYMOUS === undefined ? undefined : info.ANONYMOUS === '1',
    };
    this.#waiting.set(pid, person);
    this.emit('joined', { ...person });
  }

  private markAdmitted(pid: string): void {
    this.#inMeeting.add(pid);
    if (this.#waiting.has(pid)) this.settleDeparture(pid);
  }

  /** Gone from the waiting list: admitted if the meeting shows them, otherwise decided after a grace period. */
  private departed(pid: string): void {
    if (!this.#waiting.has(pid) || this.#pendingDepartures.has(pid)) return;
    if (this.#inMeeting.has(pid) && this.#participantsFresh) {
      this.settleDeparture(pid);
      return;
    }
    this.#pendingDepartures.set(pid, setTimeout(() => this.settleDeparture(pid), this.#graceMs));
  }

  private settleDeparture(pid: string): void {
    const pending = this.#pendingDepartures.get(pid);
    if (pending) clearTimeout(pending);
    this.#pendingDepartures.delete(pid);
    if (!this.#waiting.delete(pid)) return;
    this.emit('left', { participantId: pid, admitted: this.#inMeeting.has(pid) });
  }
}

function rawText(data: RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  if (data instanceof ArrayBuffer) return Buffer.from(data).toString('utf8');
  return data.toString('utf8');
}

function describe(error: unknown): string {
  if (error instanceof HuaweiError) return `${error.name} ${error.code ?? error.status ?? ''}`.trim();
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return String(error);
}
